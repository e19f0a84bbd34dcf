// The compiled-in taxonomy: theme and journey-stage cues and RAKE stopwords,
// one table per language. Cues are written in their natural spelling; the
// matcher folds them (case, accents, elision) once when it is built.
#ifndef REBUY_THEMES_LEXICON_HPP
#define REBUY_THEMES_LEXICON_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rebuy::themes {

// Themes in the order they are reported. Append only: the order is the label order.
enum class theme : uint8_t {
  none,
  delivery,
  price,
  quality,
  support,
  sizing,
  returns,
  app,
  packaging,
  selection,
};
constexpr size_t theme_count = 10; // including none

// Customer-journey stages, in journey order; the value of journey_stage is the index.
enum class stage : uint8_t { none, discovery, research, purchase, delivery, after_use };
constexpr size_t stage_count = 6; // including none

std::string_view theme_name(theme t) noexcept;
std::string_view stage_name(stage s) noexcept;

// One phrase: space-separated words, "*" stands for any one word (never
// first). A cue with neither theme nor stage is a blocker: it only hides the
// shorter cues inside it (e.g. "will return" hides "return").
struct cue {
  const char *phrase;
  theme topic;
  stage step;
};

struct language_lexicon {
  const char *code; // ISO 639-1
  const cue *cues;
  size_t cue_count;
  const char *const *stopwords;
  size_t stopword_count;
};

extern const language_lexicon english, portuguese, spanish, german, french;

// Every compiled-in language.
inline const language_lexicon *const all_languages[] = {&english, &portuguese, &spanish, &german,
                                                        &french};

// The plugin's version. Bump it whenever a table changes: stored scores name the
// version that made them.
#define REBUY_THEMES_VERSION "1.1.0"

} // namespace rebuy::themes

#endif // REBUY_THEMES_LEXICON_HPP
