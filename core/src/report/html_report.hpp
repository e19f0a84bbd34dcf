#pragma once
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core {

// The report as one self-contained HTML file: inline CSS and SVG, no script,
// no external resource (a Content-Security-Policy forbids both), printable.
std::string render_html_report(const report_data &data);

} // namespace rebuy::core
