// The `text_signals` analyzer: sentence-level sentiment and repurchase and referral phrase
// signals of each response's title and text, in English, Portuguese, Spanish, German and
// French, each with the phrase that decided it, and the text-only probability that the
// customer buys again. Texts in other languages get no scores.
#include "response_reader.hpp"
#include "version.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::text_signals {

class text_signals_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"sentiment",
       "Sentiment of the title and text, -1..1 (lexicon and rules, VADER-style compound); "
       "evidence: the sentence that weighed most; none when no word carries sentiment",
       REBUY_METRIC_NUMBER},
      {"repurchase_signal",
       "What the text says about buying again, -1..1 (\"will order again\" +, \"never again\" "
       "-); evidence: the phrase; none when the text says nothing about it",
       REBUY_METRIC_NUMBER},
      {"referral_signal",
       "What the text says about recommending, -1..1 (\"highly recommend\" +, \"would not "
       "recommend\" -); evidence: the phrase; none when the text says nothing about it",
       REBUY_METRIC_NUMBER},
      {"text_buy_again_probability",
       "Would-buy-again probability from the text alone, 0..1: a fixed logistic combination of "
       "sentiment and the two signals; none when the text has none of them",
       REBUY_METRIC_NUMBER},
  };
  enum metric_index : uint32_t { sentiment_metric, repurchase_metric, referral_metric, buy_again };

  text_signals_analyzer(const rebuy::host &host, const rebuy::options &options)
      : reader_(lexicon::shared()) {
    for (const auto &option : options.items())
      host.warn("text_signals: ignoring option '" + option.first +
                "': this analyzer has no options");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i) {
      const response_signals &s = reader_.read(responses[i]);
      if (!s.covered) continue;
      add(out, i, sentiment_metric, s.sentiment);
      add(out, i, repurchase_metric, s.repurchase);
      add(out, i, referral_metric, s.referral);
      if (s.has_probability)
        out.add(i, buy_again, s.buy_again_probability, {}, s.probability_evidence);
    }
  }

private:
  static void add(rebuy::score_builder &out, size_t index, metric_index metric,
                  const signal_value &v) {
    if (v.present) out.add(index, metric, v.value, {}, v.evidence);
  }

  response_reader reader_;
};

} // namespace rebuy::text_signals

REBUY_ANALYZER_PLUGIN(rebuy::text_signals::text_signals_analyzer, "text_signals", "Text signals",
                      rebuy::text_signals::version,
                      "Sentiment, repurchase and referral signals of review and comment text "
                      "(en, pt, es, de, fr)")
