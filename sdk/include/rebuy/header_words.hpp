// rebuy plugin SDK: column headers as words, and phrases matched against them.
//
//   rebuy::header_words h("Likely-To-Recommend");  // "likely to recommend"
//   h.matches("likely to recomm*")                   // true: a word prefix
//   h.matches("buy * again")                         // '*' alone: any words between
//   h.first_match("nps|recomm*|ltr")                  // the phrase that matched, or empty
#ifndef REBUY_HEADER_WORDS_HPP
#define REBUY_HEADER_WORDS_HPP

#include <string>
#include <string_view>
#include <vector>

namespace rebuy {

// The spelling header rules are written in: ASCII lower case, words split at
// punctuation and camelCase, single spaces ("Likely-To-Recommend" ->
// "likely to recommend", "ResponseId" -> "response id"). '#' is kept as a
// word because Typeform names its id column "#". Bytes of non-ASCII letters
// stay part of their word (upper-case ones are not folded).
inline std::string normalize_header(std::string_view header);

// A normalised header split into words.
class header_words {
public:
  header_words() = default;
  explicit header_words(std::string_view header)
      : text_(normalize_header(header)), words_(split(text_)) {}

  const std::string &text() const noexcept { return text_; }
  size_t size() const noexcept { return words_.size(); }
  bool empty() const noexcept { return words_.empty(); }
  const std::vector<std::string_view> &words() const noexcept { return words_; }

  // Whether one of the '|'-separated phrases occurs as whole words, in order.
  // In a phrase, "recomm*" is any word starting "recomm", and a lone "*" any
  // number of words (also none) between its neighbours.
  bool matches(std::string_view phrases) const { return !first_match(phrases).empty(); }
  // The first of the phrases that occurs, or an empty view.
  std::string_view first_match(std::string_view phrases) const;
  // Whether the whole header is one of the phrases (no '*' in them).
  bool is(std::string_view phrases) const;

private:
  static std::vector<std::string_view> split(std::string_view text);
  bool phrase_at(const std::vector<std::string_view> &tokens, size_t token, size_t word) const;

  std::string text_;
  std::vector<std::string_view> words_;
};

namespace detail::header {
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline std::string_view next_part(std::string_view &list, char separator) {
  size_t at = list.find(separator);
  std::string_view part = list.substr(0, at);
  list = at == std::string_view::npos ? std::string_view() : list.substr(at + 1);
  return part;
}
} // namespace detail::header

inline std::string normalize_header(std::string_view header) {
  using namespace detail::header;
  std::string out;
  out.reserve(header.size() + 4);
  auto space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < header.size(); ++i) {
    char c = header[i];
    unsigned char u = static_cast<unsigned char>(c);
    if (is_upper(c)) {
      // camelCase and "IPAddress": a word starts at an upper-case letter after
      // a lower-case one, or before a lower-case one after an upper-case one.
      char prev = i ? header[i - 1] : '\0';
      char next = i + 1 < header.size() ? header[i + 1] : '\0';
      if (is_lower(prev) || (is_upper(prev) && is_lower(next))) space();
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (is_lower(c) || is_digit(c) || u >= 0x80) {
      out.push_back(c);
    } else if (c == '#') {
      space();
      out.push_back('#');
      out.push_back(' ');
    } else {
      space();
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

inline std::vector<std::string_view> header_words::split(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    std::string_view word = detail::header::next_part(text, ' ');
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

// Whether tokens[token..] match words_[word..]; a "*" token skips any words.
inline bool header_words::phrase_at(const std::vector<std::string_view> &tokens, size_t token,
                                    size_t word) const {
  if (token == tokens.size()) return true;
  std::string_view t = tokens[token];
  if (t == "*") {
    for (size_t w = word; w <= words_.size(); ++w)
      if (phrase_at(tokens, token + 1, w)) return true;
    return false;
  }
  if (word == words_.size()) return false;
  std::string_view w = words_[word];
  bool prefix = t.size() > 1 && t.back() == '*';
  bool same = prefix ? w.substr(0, t.size() - 1) == t.substr(0, t.size() - 1) : w == t;
  return same && phrase_at(tokens, token + 1, word + 1);
}

inline std::string_view header_words::first_match(std::string_view phrases) const {
  std::vector<std::string_view> tokens;
  while (!phrases.empty()) {
    std::string_view phrase = detail::header::next_part(phrases, '|');
    tokens = split(phrase);
    if (tokens.empty()) continue;
    for (size_t start = 0; start < words_.size(); ++start)
      if (phrase_at(tokens, 0, start)) return phrase;
  }
  return {};
}

inline bool header_words::is(std::string_view phrases) const {
  while (!phrases.empty())
    if (detail::header::next_part(phrases, '|') == text_) return true;
  return false;
}

} // namespace rebuy

#endif // REBUY_HEADER_WORDS_HPP
