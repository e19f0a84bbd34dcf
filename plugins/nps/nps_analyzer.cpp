// The `nps` analyzer: classes each response's 0-10 likelihood-to-recommend
// answer (the field with REBUY_ROLE_NPS) as promoter, passive or detractor.
// Answers that are not a 0-10 integer get no score and a debug log line, so a
// report's denominator counts only real answers.
//
// Two separate signals sit next to it and never mix with nps_class: a yes/no
// "would you recommend us?" answer (REBUY_ROLE_RECOMMEND → would_recommend)
// and a star rating read as a stand-in class (REBUY_ROLE_RATING →
// rating_nps_class, labelled *_proxy).
#include "nps_answer.hpp"
#include "recommend_answer.hpp"

#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <string>
#include <string_view>

namespace rebuy::nps {
namespace {

// Enough of a rejected answer to recognise it in the log.
constexpr size_t log_excerpt_bytes = 60;

} // namespace

class nps_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"nps_class",
       "Net Promoter class of the 0-10 likelihood-to-recommend answer: promoter (9-10, value "
       "+1), passive (7-8, 0) or detractor (0-6, -1); the mean value is the NPS on -1..1",
       REBUY_METRIC_LABEL},
      {"nps_value", "The 0-10 likelihood-to-recommend answer as read", REBUY_METRIC_NUMBER},
      {"would_recommend", "A yes/no would-recommend answer: 1 yes, 0 no", REBUY_METRIC_NUMBER},
      {"rating_nps_class",
       "Proxy only, never an NPS answer: the star rating rescaled to 0-10 (10 x rating / max) "
       "and cut like NPS: promoter_proxy (>= 9, +1; 5 stars), passive_proxy (>= 7, 0; 4 stars) "
       "or detractor_proxy (-1; 3 stars or fewer)",
       REBUY_METRIC_LABEL},
  };
  enum metric_index : uint32_t {
    class_metric = 0,
    value_metric = 1,
    recommend_metric = 2,
    rating_class_metric = 3
  };

  nps_analyzer(const rebuy::host &host, const rebuy::options &options) : host_(host) {
    // The cut-offs are fixed by the definition of NPS, so there is nothing to
    // configure; say so instead of silently ignoring e.g. "promoter_min=8".
    for (const auto &option : options.items())
      host_.warn("nps: ignoring option '" + option.first + "': this analyzer has no options");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i) {
      score_answer(i, responses[i], out);
      score_recommend(i, responses[i], out);
      score_rating(i, responses[i], out);
    }
  }

private:
  void log_problem(const rebuy_response &response, std::string_view column, std::string_view text,
                   std::string_view problem) {
    host_.debug("nps: response " + std::to_string(response.id) + ": " + std::string(column) +
                " \"" + excerpt(text, log_excerpt_bytes) + "\" " + std::string(problem) +
                "; no score");
  }

  void score_answer(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_NPS);
    if (!field) return;
    const std::string_view text = rebuy::to_view(field->value);
    const std::string_view column = rebuy::field_name_or(*field, "NPS");
    const answer a = parse_answer(text);
    if (!a.score) {
      if (!a.problem.empty()) log_problem(response, column, text, a.problem);
      return;
    }
    const int score = *a.score;
    const nps_class c = classify(score);
    evidence_.assign(column).append(" = ").append(std::to_string(score));
    out.add(index, class_metric, static_cast<double>(static_cast<int>(c)), label(c), evidence_);
    out.add(index, value_metric, static_cast<double>(score));
  }

  void score_recommend(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_RECOMMEND);
    if (!field) return;
    const std::string_view text = rebuy::to_view(field->value);
    const std::string_view column = rebuy::field_name_or(*field, "recommend");
    const yes_no_answer a = parse_yes_no(text);
    if (!a.yes) {
      if (!a.problem.empty()) log_problem(response, column, text, a.problem);
      return;
    }
    evidence_.assign(column).append(" = ").append(excerpt(text, log_excerpt_bytes));
    out.add(index, recommend_metric, *a.yes ? 1 : 0, {}, evidence_);
  }

  void score_rating(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_RATING);
    if (!field) return;
    const rebuy_field *max_field = find_field(response, REBUY_ROLE_RATING_MAX);
    const std::string_view text = rebuy::to_view(field->value);
    const std::string_view column = rebuy::field_name_or(*field, "rating");
    const rating_class r = classify_rating(
        text, max_field ? std::optional(rebuy::to_view(max_field->value)) : std::nullopt);
    if (!r.cls) {
      if (!r.problem.empty()) log_problem(response, column, text, r.problem);
      return;
    }
    evidence_.assign("proxy: ").append(column).append(" = ").append(rebuy::short_number(r.rating));
    evidence_.append(" of ").append(rebuy::short_number(r.max));
    evidence_.append(", ").append(rebuy::short_number(r.on_ten)).append(" on 0-10");
    out.add(index, rating_class_metric, static_cast<double>(static_cast<int>(*r.cls)),
            proxy_label(*r.cls), evidence_);
  }

  rebuy::host host_;
  std::string evidence_; // reused: one allocation per analyzer, not per response
};

} // namespace rebuy::nps

REBUY_ANALYZER_PLUGIN(rebuy::nps::nps_analyzer, "nps", "Net Promoter", "1.1.0",
                      "Promoter, passive or detractor from a 0-10 likelihood-to-recommend answer; "
                      "yes/no would-recommend; a star-rating NPS proxy")
