#pragma once
// Finds the phrase rules of a language in a sentence: "would buy again", "não recomendo",
// "waste of money". Leftmost-longest per signal, so "can't recommend it enough" wins over the
// "recommend" inside it, and matches of one signal never overlap; of two rules matching the
// same tokens the one listed first wins.
#include "phrase_grammar.hpp"

#include <vector>

namespace rebuy::text_signals {

struct phrase_match {
  signal target;
  when_negated negation;
  float value;         // the rule's value; repurchase and referral matches are already judged
  uint32_t begin, end; // matched tokens [begin, end) of the text
  uint32_t quote_begin, quote_end; // tokens to quote: the match with its negation
  phrase_notes notes;              // the grammar rules that changed a repurchase or referral value
};

// Appends the matches of sentence `s` to `out`, in order of their first token. Repurchase and
// referral matches are judged here by the grammar around them (phrase_grammar.hpp): negated,
// doubted, hedged, weighed by contrast, or dropped when they are not meant as a signal;
// sentiment matches are negated with the words around them by the sentiment rules.
void find_phrases(const lexicon &lex, language lang, const sentence_span &s,
                  std::vector<phrase_match> &out);

} // namespace rebuy::text_signals
