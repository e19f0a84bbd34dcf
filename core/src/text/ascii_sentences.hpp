#pragma once
// Sentence boundaries of ASCII text exactly as ICU's root sentence break iterator finds them
// (UAX #29's rules SB3-SB11 on the ASCII classes), without running ICU's state machine.
#include <cstddef>
#include <string_view>

namespace rebuy::core {

// Calls visit(end) for the end of each sentence, in order; the last is text.size() (none for an
// empty text). `text` must be ASCII.
template <class Visit> void for_each_ascii_sentence_end(std::string_view text, Visit &&visit) {
  enum kind { other, sep, sp, lower, upper, numeric, aterm, sterm, close, scontinue };
  auto kind_of = [](char c) {
    if (c >= 'a' && c <= 'z') return lower;
    if (c >= 'A' && c <= 'Z') return upper;
    if (c >= '0' && c <= '9') return numeric;
    switch (c) {
    case '\r':
    case '\n':
      return sep;
    case '\t':
    case '\v':
    case '\f':
    case ' ':
      return sp;
    case '.':
      return aterm;
    case '!':
    case '?':
      return sterm;
    case '"':
    case '\'':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
      return close;
    case ',':
    case '-':
    case ':': // not ';': ICU's data leaves it Other
      return scontinue;
    default:
      return other;
    }
  };
  const size_t n = text.size();
  auto at = [&](size_t i) { return i < n ? kind_of(text[i]) : other; };
  size_t i = 0, last = 0;
  auto end_at = [&](size_t end) {
    visit(end);
    last = end;
  };
  while (i < n) {
    const auto k = kind_of(text[i]);
    if (k == sep) { // SB3-4: a break after a paragraph separator, CR LF counting as one
      i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
      end_at(i);
      continue;
    }
    if (k != aterm && k != sterm) {
      ++i;
      continue;
    }
    const size_t term = i++;
    if (k == aterm && i < n) {
      if (at(i) == numeric) continue; // SB6
      if (term > 0 && (at(term - 1) == upper || at(term - 1) == lower) && at(i) == upper)
        continue; // SB7
    }
    while (i < n && at(i) == close) // SB9
      ++i;
    while (i < n && at(i) == sp) // SB10
      ++i;
    if (i < n && (at(i) == scontinue || at(i) == aterm || at(i) == sterm)) continue; // SB8a
    if (k == aterm) { // SB8: no break before what leads only to a lower-case letter
      size_t j = i;
      while (j < n && at(j) != upper && at(j) != lower && at(j) != sep && at(j) != aterm &&
             at(j) != sterm)
        ++j;
      if (j < n && at(j) == lower) {
        i = j;
        continue;
      }
    }
    if (i < n && at(i) == sep) // SB11: the separator ends the sentence with it
      i += text[i] == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
    end_at(i);
  }
  if (last < n) visit(n); // the text's end closes its last sentence
}

} // namespace rebuy::core
