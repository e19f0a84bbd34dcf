#include "report/report_options.hpp"

#include "util/errors.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <limits>

namespace rebuy::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct civil {
  int64_t year;
  unsigned month, day;
};

civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, doy - (153 * mp + 2) / 5 + 1};
}

bool read_number(std::string_view text, size_t pos, size_t len, int &out) {
  if (text.size() < pos + len) return false;
  auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return ec == std::errc() && p == text.data() + pos + len;
}

int64_t day_or_minus_one(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-' || !read_number(text, 0, 4, y) ||
      !read_number(text, 5, 2, m) || !read_number(text, 8, 2, d) || m < 1 || m > 12 || d < 1 ||
      d > 31)
    return -1;
  static constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > month_days[m - 1] || (m == 2 && d == 29 && !leap)) return -1; // 2025-02-30 and the like
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

} // namespace

const char *nps_interval_value(stats::nps_interval_method method) {
  return nps_interval_values[static_cast<size_t>(method)];
}

stats::nps_interval_method nps_interval_named(std::string_view value) {
  for (size_t i = 0; i < std::size(nps_interval_values); ++i)
    if (value == nps_interval_values[i]) return static_cast<stats::nps_interval_method>(i);
  throw usage_error("--nps-interval " + std::string(value) +
                    ": expected adjusted-wald, score or dirichlet");
}

const char *nps_interval_title(stats::nps_interval_method method) {
  switch (method) {
  case stats::nps_interval_method::score:
    return "score (Tango)";
  case stats::nps_interval_method::dirichlet:
    return "exact Dirichlet posterior (Jeffreys prior)";
  case stats::nps_interval_method::adjusted_wald:
    break;
  }
  return "adjusted Wald";
}

std::string nps_denominator_definition(report_options::denominator policy) {
  if (policy == report_options::denominator::all)
    return "all responses asked the question: those from files with an NPS column but without a "
           "valid 0-10 answer count as neither promoters nor detractors";
  return "answered only: responses without a valid 0-10 answer are not counted";
}

const char *nps_denominator_value(report_options::denominator policy) {
  return policy == report_options::denominator::all ? "all" : "answered";
}

report_options::denominator nps_denominator_named(std::string_view value) {
  if (value == "answered") return report_options::denominator::answered;
  if (value == "all") return report_options::denominator::all;
  throw usage_error("--nps-denominator " + std::string(value) + ": expected answered or all");
}

std::string format_day(int64_t days) {
  auto [y, m, d] = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  return buf;
}

int64_t parse_day(const std::string &text) {
  int64_t day = text.size() == 10 ? day_or_minus_one(text) : -1;
  if (day < 0) throw usage_error("'" + text + "' is not a date: use YYYY-MM-DD");
  return day;
}

int64_t day_of(std::string_view timestamp) { return day_or_minus_one(timestamp); }

int64_t time_key(std::string_view timestamp) {
  if (timestamp.empty()) return std::numeric_limits<int64_t>::min();
  int64_t key = 0;
  int digits = 0;
  for (char c : timestamp)
    if (c >= '0' && c <= '9' && digits < 17) key = key * 10 + (c - '0'), ++digits;
  for (; digits < 17; ++digits)
    key *= 10;
  return key;
}

int64_t month_start(int64_t day) {
  auto c = civil_from_days(day);
  return days_from_civil(c.year, c.month, 1);
}

} // namespace rebuy::core
