#pragma once
// Sentence-level lexicon-and-rules sentiment in the style of VADER (Hutto & Gilbert 2014), on
// our own lexicons: per-word valences with negation, boosters and dampeners, shouting, "but"
// and exclamation marks. See docs/accuracy.md for how well it does on real reviews.
#include "phrase_matcher.hpp"

#include <span>
#include <string_view>

namespace rebuy::text_signals {

// The rule constants of VADER.
inline constexpr float booster_fade[negation_window] = {1.0f, 0.95f, 0.9f}; // by distance
inline constexpr float caps_emphasis = 0.733f;
inline constexpr float before_contrast = 0.5f, after_contrast = 1.5f;
inline constexpr float exclamation_emphasis = 0.292f;
inline constexpr int max_exclamations = 4;
inline constexpr float compound_alpha = 15.0f;

struct sentence_score {
  float sum = 0;        // the sentence's valence
  bool counted = false; // some word or phrase of it has a valence
};

// Scores sentence `s`, whose text is `text`. `phrases` are the sentence's sentiment phrases in
// order (other signals are ignored); their tokens count as one item with the phrase's valence.
// `mixed_caps`: the response has some but not all words in capitals, so capitals are emphasis.
sentence_score score_sentence(const sentence_span &s, std::string_view text,
                              std::span<const phrase_match> phrases, bool mixed_caps);

// Maps a sum of valences to -1..1 as VADER's compound score does: s / sqrt(s² + 15).
float compound(float sum) noexcept;

} // namespace rebuy::text_signals
