#pragma once
// A token of a prepared text as the rules see it, once its language is known.
#include "lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <span>

namespace rebuy::text_signals {

// What punctuation stands between a token and the one before it.
enum class boundary : uint8_t { none, clause, sentence };

struct term {
  const sense *meaning = nullptr; // nullptr: not in the lexicon
  uint32_t id = lexicon::no_word;
  bool upper = false;               // REBUY_TOKEN_UPPER: shouted
  bool elided_negation = false;     // French "n'aime": the token carries its own "ne"
  boundary before = boundary::none; // punctuation between it and the token before

  // After , ; : ( - or a full stop: a new clause.
  bool clause_start() const noexcept { return before != boundary::none; }

  bool has(cue c) const noexcept { return meaning && meaning->has(c); }

  bool negates_next() const noexcept {
    return elided_negation || (meaning && meaning->has(sense::negator));
  }
  bool has_valence() const noexcept { return meaning && meaning->has_valence(); }
};

inline bool is_contrast(const term &t) noexcept {
  return t.meaning && t.meaning->has(sense::contrast);
}

// How far a negation reaches: the three tokens after a negator (VADER's window), and the three
// before a post-negator that ends a clause.
inline constexpr uint32_t negation_window = 3;

// The tokens of one sentence: terms[first, end).
struct sentence_span {
  std::span<const term> terms;
  uint32_t first, end;
};

// Whether tokens [begin, end) of the sentence are negated, and by which token: the index of
// the negator, or -1. A negator counts within the window before `begin` ("would not buy
// again"); the token itself when elided ("n'aime"); and a post-negator within the window after
// `end` that is not followed by a word with a valence of its own, which it would negate instead
// ("ich empfehle es nicht" but not "nicht gut und nicht teuer"). A negator right before a
// contrast word negates nothing: "sin embargo" is "however".
// Negators before `floor` do not count: they belong to a phrase that has used them ("no
// problems, great shoes").
inline int64_t negation_of(const sentence_span &s, uint32_t begin, uint32_t end,
                           uint32_t floor = 0) noexcept {
  if (s.terms[begin].elided_negation) return begin;
  const uint32_t from =
      std::max(floor, begin > s.first + negation_window ? begin - negation_window : s.first);
  for (uint32_t j = from; j < begin; ++j)
    if (s.terms[j].negates_next() && !is_contrast(s.terms[j + 1])) return j;
  const uint32_t to = end + negation_window < s.end ? end + negation_window : s.end;
  for (uint32_t p = end; p < to; ++p) {
    const term &t = s.terms[p];
    if (!t.meaning || !t.meaning->has(sense::post_negator)) continue;
    bool governs_later_word = false;
    for (uint32_t k = p + 1; k < s.end && k <= p + 2; ++k)
      governs_later_word = governs_later_word || s.terms[k].has_valence();
    if (!governs_later_word) return p;
  }
  return -1;
}

} // namespace rebuy::text_signals
