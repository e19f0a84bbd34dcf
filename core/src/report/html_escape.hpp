#pragma once
// Text from the data into HTML. Feedback is written by strangers: every piece
// of it goes through html_escape, in element content and in attribute values
// alike, and nothing from the data is ever put in a URL, a style or a script.
#include <string>
#include <string_view>

namespace rebuy::core {

// Escapes & < > " ' and drops C0 control characters other than tab, line
// feed and carriage return (which HTML does not allow). Safe in element
// content and in quoted attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string &out, std::string_view text);

} // namespace rebuy::core
