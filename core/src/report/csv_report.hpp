#pragma once
#include "report/report_data.hpp"

#include <string>
#include <string_view>

namespace rebuy::core {

// The per-segment table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet
// programs read accents right): one line per breakdown row.
std::string render_csv_report(const report_data &data);

// One CSV field: quoted when needed; text starting with = + - @ or a tab gets
// a leading apostrophe so a spreadsheet never runs it as a formula.
std::string csv_text_field(std::string_view text);

} // namespace rebuy::core
