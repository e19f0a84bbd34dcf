#pragma once
// Section 2: the trend, by month (periods longer than four months) or by week.
#include "report/figures.hpp"

#include <map>
#include <string>
#include <vector>

namespace rebuy::core {

struct trend_point {
  std::string period;   // "2025-11" for a month, the Monday "2025-11-03" for a week
  std::string from, to; // its first and last day
  figures values;
};

struct trend_data {
  std::string granularity; // "month" or "week"
  std::vector<trend_point> points;
};

class trend_builder {
public:
  // `first_day`, `last_day`: the period the report covers (decides the granularity).
  trend_builder(int64_t first_day, int64_t last_day);
  void add(const scanned_response &r, int64_t day);
  trend_data finish(rate_basis basis, const report_options &options) const;

private:
  bool monthly_;
  int64_t month_from_ = 0, month_to_ = -1; // the month of the previous response
  std::map<int64_t, tally> buckets_;       // by the bucket's first day
};

} // namespace rebuy::core
