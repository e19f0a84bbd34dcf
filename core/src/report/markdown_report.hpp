#pragma once
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core {

// The report as Markdown, for pasting into a chat or a ticket.
std::string render_markdown_report(const report_data &data);

// Text from the data made safe for a Markdown table cell or paragraph.
std::string markdown_escape(std::string_view text);

// "+36.3" style NPS points; "n/a" when there is no score.
std::string format_points(double nps);

} // namespace rebuy::core
