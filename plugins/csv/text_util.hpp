// Small ASCII text helpers shared by the importer and the role guesser.
#ifndef REBUY_CSV_TEXT_UTIL_HPP
#define REBUY_CSV_TEXT_UTIL_HPP

#include <string>
#include <string_view>

namespace rebuy_csv {

// Strips spaces, tabs, CR, LF, vertical tab and form feed at both ends. Only
// ASCII: the input is UTF-8 and a non-breaking space may be meaningful.
inline std::string_view trim_ascii(std::string_view s) noexcept {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
  };
  while (!s.empty() && space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && space(s.back()))
    s.remove_suffix(1);
  return s;
}

// Lower-cases ASCII letters and leaves every other byte alone.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Case-insensitive comparison for ASCII letters.
inline bool ascii_iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

} // namespace rebuy_csv

#endif // REBUY_CSV_TEXT_UTIL_HPP
