#pragma once
// Words that set one group of texts apart from another, ranked by the
// log-odds ratio with an informative Dirichlet prior (stats/log_odds.hpp).
#include "stats/log_odds.hpp"
#include "store/response_ref.hpp"

#include <rebuy/flat_string_map.hpp>

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

// Calls visit(word) for each word of `text` of at least three bytes that is not a number, in
// order and repeats included: ASCII and Latin-1 capitals lower-cased, other UTF-8 letters kept as
// they are. The views point into a buffer that lasts until the next call.
template <typename Visit> void for_each_word(std::string_view text, Visit &&visit);
// The same words, each once and without the stop words.
template <typename Visit> void for_each_distinct_word(std::string_view text, Visit &&visit);
bool is_stop_word(std::string_view word);
// Every stop word, sorted by bytes.
std::span<const std::string_view> stop_words();

struct word_counts {
  uint64_t a = 0, b = 0;
  response_ref example; // of group a's responses using the word, the first chosen
  int64_t last = 0;     // the last response counted: a word counts once per response
  bool stop = false;    // a stop word, never counted
};

struct distinctive_word {
  std::string word;
  uint64_t a = 0, b = 0; // responses of each group using it
  stats::word_log_odds score{0, 0, 0};
  response_ref example;
};

// The words most typical of group a (z ≥ 1.96, used by at least two responses
// of a), highest z first, at most `limit`. The prior is the pooled counts of
// both groups (α_w = y_w^a + y_w^b, so α₀ = n^a + n^b): it shrinks rare words
// toward the shared rate in proportion to the data, small corpora and large.
std::vector<distinctive_word> most_distinctive(const flat_string_map<word_counts> &counts,
                                               size_t limit);

template <typename Visit> void for_each_word(std::string_view text, Visit &&visit) {
  // Lower-cased once into a buffer the words then point into: a million
  // texts, no allocation per word.
  thread_local std::string lowered;
  lowered.clear();
  lowered.reserve(text.size());
  size_t word_start = 0;
  auto flush = [&] {
    std::string_view word(lowered.data() + word_start, lowered.size() - word_start);
    if (word.size() >= 3 && word.find_first_not_of("0123456789") != std::string_view::npos)
      visit(word);
    word_start = lowered.size();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    auto u = static_cast<unsigned char>(c);
    auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (u == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      // À-Þ (but ×) lower-case to à-þ: the accented capitals of the languages
      // rebuy reads, so "NÃO" and "não" count as one word.
      lowered += c;
      lowered += static_cast<char>(next + 0x20);
      ++i;
    } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80)
      lowered += c;
    else if (u >= 'A' && u <= 'Z')
      lowered += static_cast<char>(u - 'A' + 'a');
    else if (c != '\'')
      flush();
  }
  flush();
}

template <typename Visit> void for_each_distinct_word(std::string_view text, Visit &&visit) {
  thread_local std::vector<std::string_view> seen;
  seen.clear();
  for_each_word(text, [&](std::string_view word) {
    if (is_stop_word(word) || std::find(seen.begin(), seen.end(), word) != seen.end()) return;
    visit(word);
    seen.push_back(word);
  });
}

} // namespace rebuy::core
