#include "report/trend_data.hpp"

namespace rebuy::core {
namespace {

int64_t next_month_start(int64_t month_first) { return month_start(month_first + 31); }

// 1970-01-01 was a Thursday: Monday-based weeks start 3 days before it.
int64_t week_start(int64_t day) { return day - ((day + 3) % 7 + 7) % 7; }

} // namespace

trend_builder::trend_builder(int64_t first_day, int64_t last_day)
    : monthly_(first_day >= 0 && last_day - first_day > 120) {}

void trend_builder::add(const scanned_response &r, int64_t day) {
  if (day < 0) return;
  // Responses mostly arrive in date order: remember the last month's bounds
  // rather than computing a calendar month for each of a million responses.
  if (monthly_ && (day < month_from_ || day > month_to_)) {
    month_from_ = month_start(day);
    month_to_ = next_month_start(month_from_) - 1;
  }
  buckets_[monthly_ ? month_from_ : week_start(day)].add(r);
}

trend_data trend_builder::finish(rate_basis basis, const report_options &options) const {
  trend_data out;
  out.granularity = monthly_ ? "month" : "week";
  if (buckets_.empty()) return out;
  // Every month or week from the first to the last, empty ones included: an
  // axis that skipped them would draw a gap in the data as a smooth line.
  const tally none;
  for (int64_t start = buckets_.begin()->first, last = buckets_.rbegin()->first; start <= last;
       start = monthly_ ? next_month_start(start) : start + 7) {
    auto it = buckets_.find(start);
    trend_point p;
    p.from = format_day(start);
    p.to = format_day(monthly_ ? next_month_start(start) - 1 : start + 6);
    p.period = monthly_ ? p.from.substr(0, 7) : p.from;
    p.values = figures_of(it == buckets_.end() ? none : it->second, basis, options);
    out.points.push_back(std::move(p));
  }
  return out;
}

} // namespace rebuy::core
