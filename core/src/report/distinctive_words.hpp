#pragma once
// Words that set one group of texts apart from another, ranked by the
// log-odds ratio with an informative Dirichlet prior (stats/log_odds.hpp).
#include "stats/log_odds.hpp"
#include "store/response_ref.hpp"

#include <rebuy/flat_string_map.hpp>

#include <algorithm>
#include <array>
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

namespace detail {
enum class byte_kind : uint8_t { separator, digit, letter, capital, apostrophe };
// What each byte is to a word: UTF-8 bytes (0x80 up) are letters.
inline constexpr std::array<byte_kind, 256> byte_kinds = [] {
  std::array<byte_kind, 256> kinds{};
  for (int c = '0'; c <= '9'; ++c)
    kinds[c] = byte_kind::digit;
  for (int c = 'a'; c <= 'z'; ++c)
    kinds[c] = byte_kind::letter;
  for (int c = 'A'; c <= 'Z'; ++c)
    kinds[c] = byte_kind::capital;
  for (int c = 0x80; c <= 0xFF; ++c)
    kinds[c] = byte_kind::letter;
  kinds['\''] = byte_kind::apostrophe;
  return kinds;
}();
} // namespace detail

template <typename Visit> void for_each_word(std::string_view text, Visit &&visit) {
  // Lower-cased once into a buffer the words then point into (no longer than the text): a
  // million texts, no allocation per word.
  thread_local std::string lowered;
  if (lowered.size() < text.size()) lowered.resize(text.size());
  char *const out = lowered.data();
  size_t size = 0, word_start = 0;
  bool not_a_number = false; // the word has a byte other than a digit
  auto flush = [&] {
    if (size - word_start >= 3 && not_a_number)
      visit(std::string_view(out + word_start, size - word_start));
    word_start = size;
    not_a_number = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    switch (detail::byte_kinds[u]) {
    case detail::byte_kind::digit:
      out[size++] = static_cast<char>(u);
      break;
    case detail::byte_kind::letter:
      out[size++] = static_cast<char>(u), not_a_number = true;
      if (u == 0xC3 && i + 1 < text.size()) {
        // À-Þ (but ×) lower-case to à-þ: the accented capitals of the languages rebuy reads, so
        // "NÃO" and "não" count as one word.
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9E && next != 0x97)
          out[size++] = static_cast<char>(next + 0x20), ++i;
      }
      break;
    case detail::byte_kind::capital:
      out[size++] = static_cast<char>(u - 'A' + 'a'), not_a_number = true;
      break;
    case detail::byte_kind::apostrophe: // "don't" is one word
      break;
    case detail::byte_kind::separator:
      flush();
      break;
    }
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
