#pragma once
// The words a repurchase-intent answer can be given in: 5-point intent labels,
// yes/no, agreement labels and don't-know answers, in English, Portuguese,
// Spanish, German and French; and Juster's verbal probability labels.
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace rebuy::buy_again {

enum class phrase_family {
  intent5,   // rank 0 definitely not … 4 definitely
  yes_no,    // rank 0 no, 1 yes
  agreement, // rank on the 7-point vocabulary: 0 strongly disagree … 6 strongly agree
  dont_know, // an answer that says there is no answer
};

struct phrase {
  std::string_view key; // folded, see fold_words()
  phrase_family family;
  int rank;
};

// Looks up a folded answer. Tries the whole answer first, then the answer
// without filler words ("I would definitely buy again" → "definitely",
// "Je n'achèterais probablement pas" → "probablement pas"); negations are
// never filler.
std::optional<phrase> lookup_phrase(std::string_view folded);

// The rank 0-10 of one of Juster's verbal labels ("almost sure" → 9), with
// its odds removed ("almost sure 9 in 10"). Only read next to a number or
// its odds: "probable" alone is a Spanish or French "probably".
std::optional<int> juster_label(std::string_view folded);

// Removes trailing odds "N in 10" / "N in 100" from a folded label; the
// bool says whether there were any.
std::pair<std::string_view, bool> strip_odds(std::string_view folded);

// Every phrase, for the tests.
struct phrase_list {
  const phrase *first;
  size_t count;
  const phrase *begin() const { return first; }
  const phrase *end() const { return first + count; }
};
phrase_list all_phrases();

} // namespace rebuy::buy_again
