#pragma once
// The one CSV field writer behind `rebuy report --format csv` and `rebuy export
// --format csv`: RFC 4180 quoting, and the OWASP guard against formula injection.
#include <string>
#include <string_view>

namespace rebuy::core {

// True when a spreadsheet could run `text` as a formula: it starts with '=',
// '+', '-', '@', a tab or a carriage return and is not a plain number
// ("-3", "+1.5" and "-0.25" stay numbers).
bool csv_needs_guard(std::string_view text) noexcept;

// Appends one field: a leading apostrophe when csv_needs_guard(), then quoted
// when it holds a comma, a quote or a line break.
void append_csv_field(std::string &out, std::string_view text);

inline std::string csv_field(std::string_view text) {
  std::string out;
  append_csv_field(out, text);
  return out;
}

} // namespace rebuy::core
