#pragma once
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core {

// The report in `format`: "html", "json", "csv" or "md".
std::string render_report(const report_data &data, const std::string &format);

} // namespace rebuy::core
