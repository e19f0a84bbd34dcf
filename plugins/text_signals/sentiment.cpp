#include "sentiment.hpp"

#include <algorithm>
#include <cmath>

namespace rebuy::text_signals {
namespace {

float sign(float v) noexcept { return v < 0 ? -1.0f : 1.0f; }

// The first contrast word of the sentence outside phrases, or s.end.
uint32_t find_contrast(const sentence_span &s, std::span<const phrase_match> phrases) {
  for (uint32_t i = s.first; i < s.end; ++i) {
    const term &t = s.terms[i];
    if (!is_contrast(t)) continue;
    const bool in_phrase = std::any_of(phrases.begin(), phrases.end(), [&](const auto &m) {
      return m.target == signal::sentiment && i >= m.begin && i < m.end;
    });
    if (!in_phrase) return i;
  }
  return s.end;
}

} // namespace

float compound(float sum) noexcept { return sum / std::sqrt(sum * sum + compound_alpha); }

sentence_score score_sentence(const sentence_span &s, std::string_view text,
                              std::span<const phrase_match> phrases, bool mixed_caps) {
  sentence_score out;
  const uint32_t contrast = find_contrast(s, phrases);
  auto phrase = phrases.begin();
  uint32_t floor = s.first; // negations before it were used up by a phrase
  for (uint32_t i = s.first; i < s.end;) {
    while (phrase != phrases.end() && (phrase->target != signal::sentiment || phrase->begin < i))
      ++phrase;
    const term &t = s.terms[i];
    uint32_t end = i + 1;
    float valence = 0, negated = NAN;
    when_negated negation = when_negated::flip;
    const bool phrase_here = phrase != phrases.end() && phrase->begin == i;
    if (phrase_here) {
      valence = phrase->value;
      negation = phrase->negation;
      end = phrase->end;
    } else if (t.meaning && t.meaning->booster == 0) {
      valence = t.meaning->valence;
      negated = t.meaning->negated;
    }
    const uint32_t begin = i;
    i = end;
    if (valence == 0 && std::isnan(negated)) {
      if (phrase_here) floor = end; // a blocker
      continue;
    }

    if (valence != 0) {
      if (mixed_caps && t.upper) valence += sign(valence) * caps_emphasis;
      for (uint32_t d = 1; d <= negation_window && begin >= s.first + d; ++d) {
        const term &b = s.terms[begin - d];
        if (!b.meaning || b.meaning->booster == 0) continue;
        float boost = b.meaning->booster * booster_fade[d - 1];
        if (mixed_caps && b.upper) boost += sign(boost) * caps_emphasis;
        valence += sign(valence) * boost;
      }
    }
    const int64_t negator = negation_of(s, begin, end, floor);
    if (phrase_here) floor = end;
    if (negator >= 0) {
      if (!std::isnan(negated))
        valence = negated;
      else if (negation == when_negated::flip)
        valence *= lexicon::negation_scalar;
      else if (negation == when_negated::drop)
        valence = 0;
    }
    if (valence == 0) continue; // "received", not negated
    if (contrast < s.end) valence *= begin < contrast ? before_contrast : after_contrast;
    out.sum += valence;
    out.counted = true;
  }

  if (out.sum != 0) {
    const auto bangs = std::min<int>(max_exclamations,
                                     static_cast<int>(std::count(text.begin(), text.end(), '!')));
    out.sum += sign(out.sum) * exclamation_emphasis * static_cast<float>(bangs);
  }
  return out;
}

} // namespace rebuy::text_signals
