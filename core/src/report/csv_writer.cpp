#include "report/csv_writer.hpp"

namespace rebuy::core {
namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A decimal number as a spreadsheet reads one: sign, digits with an optional
// fraction, an optional exponent. Nothing else, so "-1+cmd|..." is no number.
bool is_plain_number(std::string_view s) noexcept {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < s.size() && is_digit(s[i]))
      ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// A loop, not find_first_of: libstdc++ calls memchr over the set for every
// byte, which was a sixth of an export's time.
bool needs_quotes(std::string_view text) {
  for (char c : text)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

} // namespace

bool csv_needs_guard(std::string_view text) noexcept {
  if (text.empty()) return false;
  const char c = text.front();
  if (c == '\t' || c == '\r' || c == '=' || c == '@') return true;
  return (c == '+' || c == '-') && !is_plain_number(text);
}

void append_csv_field(std::string &out, std::string_view text) {
  const bool guard = csv_needs_guard(text);
  if (!needs_quotes(text)) {
    if (guard) out += '\'';
    out += text;
    return;
  }
  out += guard ? "\"'" : "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

} // namespace rebuy::core
