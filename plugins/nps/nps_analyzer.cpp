// The `nps` analyzer: classes each response's 0-10 likelihood-to-recommend
// answer (the field with REBUY_ROLE_NPS) as promoter, passive or detractor.
// Answers that are not a 0-10 integer get no score and a debug log line, so a
// report's denominator counts only real answers.
#include "nps_answer.hpp"

#include <rebuy/plugin.hpp>

#include <string>
#include <string_view>

namespace rebuy::nps {
namespace {

// Enough of a rejected answer to recognise it in the log.
constexpr size_t log_excerpt_bytes = 60;

std::string excerpt(std::string_view s) {
  if (s.size() <= log_excerpt_bytes) return std::string(s);
  size_t cut = log_excerpt_bytes;
  // Back up to a UTF-8 lead byte so the log never gets half a character.
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(s.substr(0, cut)) + "...";
}

const rebuy_field *nps_field(const rebuy_response &r) {
  for (size_t i = 0; i < r.field_count; ++i)
    if (r.fields[i].role == REBUY_ROLE_NPS) return &r.fields[i];
  return nullptr;
}

} // namespace

class nps_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"nps_class",
       "Net Promoter class of the 0-10 likelihood-to-recommend answer: promoter (9-10, value "
       "+1), passive (7-8, 0) or detractor (0-6, -1); the mean value is the NPS on -1..1",
       REBUY_METRIC_LABEL},
      {"nps_value", "The 0-10 likelihood-to-recommend answer as read", REBUY_METRIC_NUMBER},
  };
  enum metric_index : uint32_t { class_metric = 0, value_metric = 1 };

  nps_analyzer(const rebuy::host &host, const rebuy::options &options) : host_(host) {
    // The cut-offs are fixed by the definition of NPS, so there is nothing to
    // configure; say so instead of silently ignoring e.g. "promoter_min=8".
    for (const auto &option : options.items())
      host_.warn("nps: ignoring option '" + option.first + "': this analyzer has no options");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i)
      analyze_one(i, responses[i], out);
  }

private:
  void analyze_one(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = nps_field(response);
    if (!field) return;
    const std::string_view text = rebuy::to_view(field->value);
    std::string_view name = rebuy::to_view(field->name);
    if (name.empty()) name = "NPS";

    const answer a = parse_answer(text);
    if (!a.score) {
      if (!a.problem.empty())
        host_.debug("nps: response " + std::to_string(response.id) + ": " + std::string(name) +
                    " \"" + excerpt(text) + "\" " + std::string(a.problem) + "; no score");
      return;
    }

    const int score = *a.score;
    const nps_class c = classify(score);
    evidence_.assign(name).append(" = ").append(std::to_string(score));
    out.add(index, class_metric, static_cast<double>(static_cast<int>(c)), label(c), evidence_);
    out.add(index, value_metric, static_cast<double>(score));
  }

  rebuy::host host_;
  std::string evidence_; // reused: one allocation per analyzer, not per response
};

} // namespace rebuy::nps

REBUY_ANALYZER_PLUGIN(rebuy::nps::nps_analyzer, "nps", "Net Promoter", "1.0.0",
                      "Promoter, passive or detractor from a 0-10 likelihood-to-recommend answer")
