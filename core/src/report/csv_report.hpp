#pragma once
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core {

// The per-segment table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet
// programs read accents right): one line per breakdown row.
std::string render_csv_report(const report_data &data);

} // namespace rebuy::core
