#include "text_fold.hpp"

#include <array>

namespace rebuy::buy_again {
namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// ASCII for the second byte of a two-byte UTF-8 letter starting with 0xC3
// (U+00C0..U+00FF), upper and lower case alike; empty for × and ÷.
std::string_view latin1_letter(unsigned char second) {
  static constexpr std::array<std::string_view, 32> letters = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss"};
  const size_t index = second & 0x1F;
  if (second == 0xBF) return "y"; // ÿ (its upper-case slot holds ß)
  return letters[index];
}

// Length of the UTF-8 sequence starting with `lead`, at least 1.
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Lower-cased letters and digits, one space between words.
std::string letters_and_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto separate = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      const char lower =
          c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      if (is_alnum(lower))
        out.push_back(lower);
      else
        separate();
      ++i;
      continue;
    }
    const size_t length = sequence_length(c);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    std::string_view letter;
    if (c == 0xC3 && next >= 0x80 && next <= 0xBF)
      letter = latin1_letter(next);
    else if (c == 0xC5 && (next == 0x92 || next == 0x93))
      letter = "oe"; // Œ œ
    if (letter.empty())
      separate(); // punctuation, dashes, quotes, other scripts
    else
      out.append(letter);
    i += length;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "would not" for "wouldnt"; empty when the word is not such a contraction.
std::string_view spelled_out(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> contractions[] = {
      {"wouldnt", "would not"}, {"wont", "will not"}, {"dont", "do not"},     {"cant", "can not"},
      {"couldnt", "could not"}, {"didnt", "did not"}, {"doesnt", "does not"}, {"isnt", "is not"}};
  for (const auto &[short_form, long_form] : contractions)
    if (word == short_form) return long_form;
  return {};
}

} // namespace

std::vector<std::string_view> split_words(std::string_view folded) {
  std::vector<std::string_view> words;
  while (!folded.empty()) {
    const size_t space = folded.find(' ');
    words.push_back(folded.substr(0, space));
    if (space == std::string_view::npos) break;
    folded.remove_prefix(space + 1);
  }
  return words;
}

std::string fold_words(std::string_view text) {
  const std::string plain = letters_and_spaces(text);
  const std::vector<std::string_view> words = split_words(plain);
  std::string out;
  out.reserve(plain.size() + 8);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view word = words[i];
    std::string_view replacement = spelled_out(word);
    // "wouldn't" arrived as "wouldn t": the word before the t loses its n.
    if (replacement.empty() && i + 1 < words.size() && words[i + 1] == "t" && word.size() > 1 &&
        word.back() == 'n') {
      word.remove_suffix(1);
      if (word == "wo") word = "will";
      if (word == "ca") word = "can";
      if (!out.empty()) out.push_back(' ');
      out.append(word).append(" not");
      ++i; // the t
      continue;
    }
    if (!out.empty()) out.push_back(' ');
    out.append(replacement.empty() ? word : replacement);
  }
  return out;
}

} // namespace rebuy::buy_again
