#pragma once
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core {

// The report as JSON; docs/report-schema.md documents every key.
std::string render_json_report(const report_data &data);

} // namespace rebuy::core
