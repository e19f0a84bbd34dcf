// The `buy_again` analyzer: repurchase intent from the answer to "would you
// buy from us again?" (REBUY_ROLE_BUY_AGAIN) on any scale, its top boxes and
// expected repurchase probability; a rating-based proxy when there is no
// answer; and whether the customer has ordered more than once.
#include "intent_answer.hpp"
#include "proxies.hpp"
#include "text_fold.hpp"
#include "weights.hpp"

#include <rebuy/flat_string_map.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <string>
#include <string_view>

namespace rebuy::buy_again {
namespace {

// Enough of an answer to recognise it in the log and the evidence.
constexpr size_t excerpt_bytes = 60;

std::string answer_excerpt(std::string_view s) { return excerpt(trim_ascii(s), excerpt_bytes); }

} // namespace

class buy_again_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"buy_again_level",
       "The repurchase-intent answer as a level: definitely, probably, unsure, probably_not, "
       "definitely_not (5-point); yes, no; juster_0..juster_10; strongly_agree..strongly_disagree "
       "(1-5 or 1-7 agreement). Value: the level's position on its scale, 0 (lowest) to 1",
       REBUY_METRIC_LABEL},
      {"buy_again_top_box",
       "1 when the answer is the scale's top box (definitely, yes, strongly agree, Juster 10), "
       "else 0",
       REBUY_METRIC_NUMBER},
      {"buy_again_top2_box",
       "1 when the answer is in the scale's two top boxes (yes only on yes/no, Juster 9-10), "
       "else 0",
       REBUY_METRIC_NUMBER},
      {"answer_probability",
       "Expected repurchase probability of the stated answer, 0-1, from the box weights (preset= "
       "or weights=); Juster answers: value/10",
       REBUY_METRIC_NUMBER},
      {"rating_probability",
       "Proxy only, when there is no readable answer: the star rating's position on its scale "
       "read as satisfaction (rating_weights=, default 0.80/0.65/0.35/0.12/0.05 from the top), "
       "0-1",
       REBUY_METRIC_NUMBER},
      {"repeat_customer",
       "Observed: 1 when the customer's order count is 2 or more, 0 when it is 1",
       REBUY_METRIC_NUMBER},
  };
  enum metric_index : uint32_t {
    level_metric,
    top_box_metric,
    top2_box_metric,
    answer_probability_metric,
    rating_probability_metric,
    repeat_customer_metric
  };

  buy_again_analyzer(const rebuy::host &host, const rebuy::options &options) : host_(host) {
    std::optional<std::string_view> preset, weights, rating_weights;
    for (const auto &[key, value] : options.items()) {
      if (key == "scale") {
        const auto choice = parse_scale_choice(value);
        if (!choice)
          throw rebuy::error("buy_again: scale=" + value +
                             ": expected auto, juster, 5, 7, yesno or labels");
        scale_ = *choice;
      } else if (key == "preset") {
        preset = value;
      } else if (key == "weights") {
        weights = value;
      } else if (key == "rating_weights") {
        rating_weights = value;
      } else {
        host_.warn("buy_again: ignoring unknown option '" + key +
                   "' (known: scale, preset, weights, rating_weights)");
      }
    }
    if (preset && weights) throw rebuy::error("buy_again: give preset= or weights=, not both");
    try {
      if (weights) weights_ = parse_weights(*weights);
      if (rating_weights) {
        rating_weights_ = parse_weights(*rating_weights, "rating_weights");
        rating_label_ = "rating weights " + format_weights(rating_weights_);
      }
    } catch (const rebuy::error &e) {
      throw rebuy::error(std::string("buy_again: ") + e.what());
    }
    if (weights) {
      weights_label_ = "custom weights " + format_weights(weights_);
    } else {
      const std::string_view preset_name = preset.value_or("thirds");
      const auto w = preset_weights(preset_name);
      if (!w)
        throw rebuy::error("buy_again: preset=" + std::string(preset_name) +
                           ": expected thirds (0.81/0.27/0.09/0.03/0.01) or top2 "
                           "(0.75/0.25/0/0/0)");
      weights_ = *w;
      weights_label_ = "preset " + std::string(preset_name);
    }
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i) {
      const bool answered = score_answer(i, responses[i], out);
      if (!answered) score_rating(i, responses[i], out);
      score_order_count(i, responses[i], out);
    }
  }

private:
  // What an answer reads as, with its evidence: answers repeat ("Definitely would"), so each
  // distinct one of the column last read is read once. Free-text answers would make the memo
  // grow without end: past memo_limit answers it starts again.
  struct read_answer_memo {
    reading r;
    double probability = 0;
    std::string level_evidence, probability_evidence;
  };
  static constexpr size_t memo_limit = 4096;

  const read_answer_memo &answer_reading(const rebuy_field &field) {
    const std::string_view name = to_view(field.name), text = to_view(field.value);
    if (!memo_known_ || name != memo_name_ || memo_.size() >= memo_limit) {
      memo_name_.assign(name);
      memo_scale_ = scale_from_name(name);
      memo_known_ = true;
      memo_.clear();
    }
    const auto [memo, added] = memo_.try_emplace(text, {});
    if (!added) return *memo;
    memo->r = read_answer(text, scale_, memo_scale_);
    if (!memo->r.answer) return *memo;
    const level l = *memo->r.answer;
    const std::string_view column = rebuy::field_name_or(field, "buy_again");
    memo->level_evidence.assign(column).append(" = ").append(answer_excerpt(text));
    if (memo->r.numeric) memo->level_evidence.append(" (").append(describe(l.on)).append(")");
    memo->probability = probability(l, weights_);
    memo->probability_evidence.assign(memo->level_evidence)
        .append(" -> ")
        .append(rebuy::short_number(memo->probability))
        .append(l.on == scale::juster ? " (Juster: value/10)" : " (" + weights_label_ + ")");
    return *memo;
  }

  bool score_answer(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_BUY_AGAIN);
    if (!field) return false;
    const read_answer_memo &memo = answer_reading(*field);
    if (!memo.r.answer) {
      if (!memo.r.problem.empty())
        host_.debug("buy_again: response " + std::to_string(response.id) + ": " +
                    std::string(rebuy::field_name_or(*field, "buy_again")) + " \"" +
                    answer_excerpt(to_view(field->value)) + "\" " + std::string(memo.r.problem) +
                    "; no score");
      return false;
    }
    const level l = *memo.r.answer;
    out.add(index, level_metric, position(l), name(l), memo.level_evidence);
    out.add(index, top_box_metric, top_box(l) ? 1 : 0);
    out.add(index, top2_box_metric, top2_box(l) ? 1 : 0);
    out.add(index, answer_probability_metric, memo.probability, {}, memo.probability_evidence);
    return true;
  }

  void score_rating(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_RATING);
    if (!field) return;
    const rebuy_field *max_field = find_field(response, REBUY_ROLE_RATING_MAX);
    const rating_reading r = read_rating(
        to_view(field->value), max_field ? std::optional(to_view(max_field->value)) : std::nullopt);
    const std::string_view column = rebuy::field_name_or(*field, "rating");
    if (!r.position) {
      if (!r.problem.empty())
        host_.debug("buy_again: response " + std::to_string(response.id) + ": " +
                    std::string(column) + " \"" + answer_excerpt(to_view(field->value)) + "\" " +
                    std::string(r.problem) + "; no rating proxy");
      return;
    }
    const double p = rating_probability(*r.position, rating_weights_);
    evidence_.assign("proxy: ").append(column).append(" = ").append(rebuy::short_number(r.rating));
    evidence_.append(" of ")
        .append(rebuy::short_number(r.max))
        .append(" -> ")
        .append(rebuy::short_number(p));
    evidence_.append(" (").append(rating_label_).append(")");
    out.add(index, rating_probability_metric, p, {}, evidence_);
  }

  void score_order_count(size_t index, const rebuy_response &response, rebuy::score_builder &out) {
    const rebuy_field *field = find_field(response, REBUY_ROLE_ORDER_COUNT);
    if (!field) return;
    const order_count_reading r = read_order_count(to_view(field->value));
    const std::string_view column = rebuy::field_name_or(*field, "order_count");
    if (!r.count) {
      if (!r.problem.empty())
        host_.debug("buy_again: response " + std::to_string(response.id) + ": " +
                    std::string(column) + " \"" + answer_excerpt(to_view(field->value)) + "\" " +
                    std::string(r.problem) + "; no score");
      return;
    }
    evidence_.assign(column).append(" = ").append(std::to_string(*r.count));
    out.add(index, repeat_customer_metric, *r.count >= 2 ? 1 : 0, {}, evidence_);
  }

  rebuy::host host_;
  scale_choice scale_ = scale_choice::automatic;
  box_weights weights_{};
  std::string weights_label_; // "preset thirds" or "custom weights 0.7/…"
  box_weights rating_weights_ = rating_default_weights;
  std::string rating_label_ = "rating read as satisfaction, default weights";
  std::string memo_name_; // the column memo_ holds answers of
  std::optional<scale> memo_scale_;
  bool memo_known_ = false;
  rebuy::flat_string_map<read_answer_memo> memo_;
  std::string evidence_; // reused: one allocation per analyzer, not per response
};

} // namespace rebuy::buy_again

REBUY_ANALYZER_PLUGIN(rebuy::buy_again::buy_again_analyzer, "buy_again", "Would buy again", "1.1.0",
                      "Repurchase intent on any scale: level, top boxes, expected probability; "
                      "rating proxy; repeat customers")
