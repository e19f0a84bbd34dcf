#include "util/timestamp.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace rebuy::core {
namespace {

using namespace std::chrono;

struct cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  // Reads exactly n digits.
  std::optional<int> digits(size_t n) {
    if (i + n > s.size()) return std::nullopt;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    i += n;
    return v;
  }
  bool take(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
};

// Written digit by digit: an import formats one timestamp per row.
std::string format_utc(sys_seconds t) {
  auto day = floor<days>(t);
  year_month_day ymd(day);
  hh_mm_ss hms(t - day);
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999)
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year,
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  std::string out = "0000-00-00T00:00:00Z";
  auto put = [&](size_t at, size_t width, long long value) {
    for (size_t i = width; i-- > 0; value /= 10)
      out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, year);
  put(5, 2, static_cast<unsigned>(ymd.month()));
  put(8, 2, static_cast<unsigned>(ymd.day()));
  put(11, 2, hms.hours().count());
  put(14, 2, hms.minutes().count());
  put(17, 2, hms.seconds().count());
  return out;
}

std::optional<sys_seconds> parse_iso(std::string_view text) {
  cursor c{text};
  auto y = c.digits(4);
  if (!y || !c.take('-')) return std::nullopt;
  auto mo = c.digits(2);
  if (!mo || !c.take('-')) return std::nullopt;
  auto d = c.digits(2);
  if (!d) return std::nullopt;
  year_month_day ymd{year(*y), month(static_cast<unsigned>(*mo)), day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) return std::nullopt;
  sys_seconds t = sys_days(ymd);
  if (c.done()) return t;
  if (!c.take('T') && !c.take(' ')) return std::nullopt;
  auto h = c.digits(2);
  if (!h || !c.take(':')) return std::nullopt;
  auto mi = c.digits(2);
  if (!mi || *h > 23 || *mi > 59) return std::nullopt;
  int sec = 0;
  if (c.take(':')) {
    auto s = c.digits(2);
    if (!s || *s > 60) return std::nullopt;
    sec = *s;
    if (c.take('.') || c.take(','))
      while (c.peek() >= '0' && c.peek() <= '9')
        ++c.i;
  }
  t += hours(*h) + minutes(*mi) + seconds(sec);
  if (c.done() || c.take('Z')) return c.done() ? std::optional(t) : std::nullopt;
  char sign = c.peek();
  if (sign != '+' && sign != '-') return std::nullopt;
  ++c.i;
  auto oh = c.digits(2);
  if (!oh) return std::nullopt;
  c.take(':');
  auto om = c.done() ? std::optional(0) : c.digits(2);
  if (!om || !c.done() || *oh > 14 || *om > 59) return std::nullopt;
  auto offset = hours(*oh) + minutes(*om);
  return sign == '+' ? t - offset : t + offset;
}

} // namespace

std::optional<std::string> normalize_timestamp(std::string_view text, date_order order) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  // Unix seconds (9-10 digits: 1973-2286) or milliseconds (12-13 digits).
  if (text.size() == 9 || text.size() == 10 || text.size() == 12 || text.size() == 13) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) {
      if (text.size() >= 12) value /= 1000;
      return format_utc(sys_seconds(seconds(value)));
    }
  }
  if (auto t = parse_iso(text)) return format_utc(*t);
  if (auto t = parse_loose_date(text, order)) return format_utc(*t);
  return std::nullopt;
}

std::optional<int64_t> epoch_seconds(std::string_view iso) {
  auto t = parse_iso(iso);
  if (!t) return std::nullopt;
  return t->time_since_epoch().count();
}

std::string now_utc() { return format_utc(floor<seconds>(system_clock::now())); }

} // namespace rebuy::core
