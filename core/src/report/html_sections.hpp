#pragma once
// The HTML report's sections, one function each (html_report.cpp assembles the
// page). Internal to the HTML writer.
#include "report/report_data.hpp"

#include <string>

namespace rebuy::core::html {

void headline(std::string &out, const report_data &data);
void trend(std::string &out, const report_data &data);
void breakdowns(std::string &out, const report_data &data);
void drivers(std::string &out, const report_data &data);
void customers(std::string &out, const report_data &data);
void calibration(std::string &out, const report_data &data);
void referral(std::string &out, const report_data &data);
void quality(std::string &out, const report_data &data);

// Shared cell helpers.
std::string text(std::string_view s); // escaped
std::string small_flag(bool small);   // a visible "small sample" mark, or ""
std::string no_data(std::string_view why);

} // namespace rebuy::core::html
