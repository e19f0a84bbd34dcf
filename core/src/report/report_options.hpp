#pragma once
// What a report covers (the filter) and how it judges its numbers (the options).
#include "stats/nps_intervals.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rebuy::core {

struct report_filter {
  std::string source;                                     // empty: every source
  std::string since, until;                               // YYYY-MM-DD, both inclusive; empty: open
  std::vector<std::pair<std::string, std::string>> where; // ATTR=VALUE, all must hold
};

struct report_options {
  report_filter filter;
  std::vector<std::string> by; // breakdowns beyond segment, product, source and journey stage
  // A figure whose 95 % interval is wider than ± this is flagged as a small sample.
  double max_nps_half_width = 0.15;  // NPS on the −1..1 scale: ±15 points
  double max_rate_half_width = 0.10; // ±10 percentage points
  size_t max_rows = 25;              // rows per breakdown, themes, words and customers shown
  // The interval around every NPS of the report (--nps-interval).
  stats::nps_interval_method nps_interval = stats::nps_interval_method::adjusted_wald;
  // Who an NPS is over (--nps-denominator): the valid 0-10 answers (the
  // default), or every response asked the question, a skipped or invalid
  // answer counting as neither promoter nor detractor, as some tools do.
  enum class denominator { answered, all } nps_denominator = denominator::answered;
  // α of the per-level observed rates shrunk toward the overall rate,
  // (y_k + α·m) / (n_k + α): a level with n answers trusts its own rate
  // n / (n + α). 0 shows the raw rates (--shrinkage).
  double shrinkage = 10;
};

// --nps-interval's values ("adjusted-wald", "score", "dirichlet"), in the enum's order.
inline constexpr const char *nps_interval_values[] = {"adjusted-wald", "score", "dirichlet"};
const char *nps_interval_value(stats::nps_interval_method method);
// Throws usage_error naming the value and the choices unless it is one of nps_interval_values.
stats::nps_interval_method nps_interval_named(std::string_view value);
// The method in words, as reports print it: "adjusted Wald", "score (Tango)", ...
const char *nps_interval_title(stats::nps_interval_method method);

// The NPS denominator policy in words, as every format prints it.
std::string nps_denominator_definition(report_options::denominator policy);
// "answered" or "all": --nps-denominator's values.
const char *nps_denominator_value(report_options::denominator policy);
// Throws usage_error naming the value unless it is "answered" or "all".
report_options::denominator nps_denominator_named(std::string_view value);

// Calendar days, for periods: days since 1970-01-01 and back.
// parse_day throws usage_error unless `text` is a valid YYYY-MM-DD.
int64_t parse_day(const std::string &text);
std::string format_day(int64_t days);
// The day of an ISO timestamp ("2025-11-01T18:45:04Z"), or nullopt-like -1 when unreadable.
int64_t day_of(std::string_view timestamp);
// A number that orders stored timestamps as their text does, "" first: the
// digits of YYYYMMDDhhmmss and milliseconds (cheaper to keep than the text).
int64_t time_key(std::string_view timestamp);
// The first day of `day`'s month.
int64_t month_start(int64_t day);

} // namespace rebuy::core
