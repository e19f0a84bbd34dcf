// Short names for the lexicon tables, so a cue reads {"arrived late", delivery, at_delivery}.
// Only the lexicon_*.cpp files include this.
#ifndef REBUY_THEMES_LEXICON_NAMES_HPP
#define REBUY_THEMES_LEXICON_NAMES_HPP

#include "lexicon.hpp"

#include <iterator>

namespace rebuy::themes::names {
constexpr theme no_theme = theme::none, delivery = theme::delivery, price = theme::price,
                quality = theme::quality, support = theme::support, sizing = theme::sizing,
                returns = theme::returns, app = theme::app, packaging = theme::packaging,
                selection = theme::selection;
constexpr stage no_stage = stage::none, discovery = stage::discovery, research = stage::research,
                purchase = stage::purchase, at_delivery = stage::delivery,
                after_use = stage::after_use;
} // namespace rebuy::themes::names

#define REBUY_THEMES_LANGUAGE(NAME, CODE, CUES, STOPWORDS)                                         \
  const language_lexicon NAME = {CODE, CUES, std::size(CUES), STOPWORDS, std::size(STOPWORDS)}

#endif // REBUY_THEMES_LEXICON_NAMES_HPP
