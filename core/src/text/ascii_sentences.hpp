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
  // Past the separator at i: CR LF counts as one (SB3).
  auto after_separator = [&](size_t i) { return text.substr(i, 2) == "\r\n" ? i + 2 : i + 1; };
  size_t i = 0, last = 0;
  auto end_at = [&](size_t end) {
    visit(end);
    last = end;
  };
  while (i < n) {
    const auto k = kind_of(text[i]);
    if (k == sep) { // SB4: a break after a paragraph separator
      end_at(i = after_separator(i));
      continue;
    }
    if (k != aterm && k != sterm) {
      ++i;
      continue;
    }
    const size_t term = i++;
    if (k == aterm) {
      if (at(i) == numeric) continue; // SB6
      if (term > 0 && (at(term - 1) == upper || at(term - 1) == lower) && at(i) == upper)
        continue; // SB7
    }
    while (at(i) == close) // SB9
      ++i;
    while (at(i) == sp) // SB10
      ++i;
    if (at(i) == scontinue || at(i) == aterm || at(i) == sterm) continue; // SB8a
    if (k == aterm) { // SB8: no break before what leads only to a lower-case letter
      size_t j = i;
      while (j < n && at(j) != upper && at(j) != lower && at(j) != sep && at(j) != aterm &&
             at(j) != sterm)
        ++j;
      if (at(j) == lower) {
        i = j;
        continue;
      }
    }
    if (at(i) == sep) i = after_separator(i); // SB11: the separator ends the sentence with it
    end_at(i);
  }
  if (last < n) visit(n); // the text's end closes its last sentence
}

} // namespace rebuy::core
