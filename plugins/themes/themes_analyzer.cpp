// The `themes` analyzer: which themes of the taxonomy a response's free text
// mentions, which journey stage it speaks about, and its RAKE key phrases.
// Languages: English, Portuguese, Spanish, German and French, all at once.
#include "lexicon.hpp"
#include "lexicon_index.hpp"
#include "response_themes.hpp"

#include <rebuy/plugin.hpp>

#include <cmath>
#include <string>

namespace rebuy::themes {

class themes_analyzer final : public rebuy::analyzer {
public:
  static constexpr rebuy::metric_def metrics[] = {
      {"themes",
       "Themes the free text mentions, in taxonomy order joined by ';' (delivery, price, quality, "
       "support, sizing, returns, app, packaging, selection); value = how many; negated or not",
       REBUY_METRIC_LABEL},
      {"journey_stage",
       "Journey stage the text speaks about most (on a tie, last): discovery, research, "
       "purchase, delivery or after-use; value = 1-5 in that order",
       REBUY_METRIC_LABEL},
      {"key_phrases",
       "Up to 5 RAKE key phrases, best first, lower-cased and joined by ';'; value = how many",
       REBUY_METRIC_LABEL},
  };
  enum metric_index : uint32_t { themes_metric = 0, stage_metric = 1, phrases_metric = 2 };

  themes_analyzer(const rebuy::host &host, const rebuy::options &options)
      : host_(host), response_(lexicon_index::compiled()) {
    for (const auto &option : options.items())
      host_.warn("themes: ignoring option '" + option.first + "': this analyzer has no options");
  }

  void analyze(const rebuy_response *responses, size_t count, rebuy::score_builder &out) override {
    for (size_t i = 0; i < count; ++i) {
      if ((i & 255) == 0) host_.check_cancelled();
      response_.analyze(responses[i]);
      if (response_.themes_found() > 0)
        out.add(i, themes_metric, static_cast<double>(response_.themes_found()), response_.themes(),
                response_.theme_evidence());
      if (response_.journey_stage() != stage::none)
        out.add(i, stage_metric, static_cast<double>(response_.journey_stage()),
                stage_name(response_.journey_stage()), response_.stage_evidence());
      if (response_.key_phrase_count() > 0)
        out.add(i, phrases_metric, static_cast<double>(response_.key_phrase_count()),
                response_.key_phrases(), response_.key_phrase_evidence());
    }
  }

private:
  rebuy::host host_;
  response_themes response_;
};

} // namespace rebuy::themes

REBUY_ANALYZER_PLUGIN(rebuy::themes::themes_analyzer, "themes", "Themes and journey",
                      REBUY_THEMES_VERSION,
                      "Taxonomy themes, journey stage and key phrases from free text (en, pt, es, "
                      "de, fr)")
