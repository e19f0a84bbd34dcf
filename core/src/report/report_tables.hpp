#pragma once
// The tables both the HTML and the Markdown report show, each described once
// (see table.hpp); the surrounding text stays with each writer.
#include "report/report_data.hpp"
#include "report/table.hpp"

namespace rebuy::core {

table themes_table(const themes_data &t);
table words_table(const themes_data &t);
// Key drivers of one source and outcome: the table, its heading and what it reads from.
table drivers_table(const driver_set &s);
std::string driver_set_title(const driver_set &s);
std::string driver_set_note(const driver_set &s);
table customers_table(const std::vector<customer_row> &rows, bool won_back);
table calibration_bins_table(const calibration_data &c);
table calibration_levels_table(const calibration_data &c);
table order_counts_table(const calibration_data &c);
table referral_table(const reported_referral &r);
table quality_table(const quality_data &q);
// Each import's mapped columns with the scale their numbers were read on.
table mapping_table(const quality_data &q);

} // namespace rebuy::core
