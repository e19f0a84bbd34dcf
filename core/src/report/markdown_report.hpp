#pragma once
#include "report/format.hpp"
#include "report/report_data.hpp"

#include <string>
#include <string_view>

namespace rebuy::core {

// The report as Markdown, for pasting into a chat or a ticket: the same story
// as the HTML report, in text.
std::string render_markdown_report(const report_data &data);

// Text from the data made safe for a Markdown table cell or paragraph.
std::string markdown_escape(std::string_view text);

} // namespace rebuy::core
