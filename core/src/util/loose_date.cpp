#include "util/loose_date.hpp"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace rebuy::core {
namespace {

using namespace std::chrono;

// The offset of an IANA zone at a local time, through ICU's zone database.
std::optional<seconds> zone_offset(std::string_view id, sys_seconds local) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<icu::TimeZone>, std::less<>> zones;
  std::shared_ptr<icu::TimeZone> zone;
  {
    std::lock_guard lock(mutex);
    auto it = zones.find(id);
    if (it == zones.end()) {
      std::shared_ptr<icu::TimeZone> created(
          icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
              icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
      icu::UnicodeString got;
      created->getID(got);
      if (got == icu::UnicodeString(u"Etc/Unknown")) created.reset();
      it = zones.emplace(std::string(id), std::move(created)).first;
    }
    zone = it->second;
  }
  if (!zone) return std::nullopt;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  const UDate ms = static_cast<UDate>(local.time_since_epoch().count()) * 1000.0;
  zone->getOffset(ms, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return std::nullopt;
  return seconds((raw + dst) / 1000);
}

} // namespace

std::optional<sys_seconds> parse_loose_date(std::string_view text, date_order order) {
  auto parts = read_date(text, order);
  if (!parts) return std::nullopt;
  const year_month_day date{year(parts->year), month(static_cast<unsigned>(parts->month)),
                            day(static_cast<unsigned>(parts->day))};
  const sys_seconds local = sys_days(date) + seconds(parts->seconds);
  if (!parts->zone.empty()) {
    auto offset = zone_offset(parts->zone, local);
    if (!offset) return std::nullopt;
    return local - *offset;
  }
  return local - seconds(parts->utc_offset.value_or(0));
}

std::optional<date_order> date_order_evidence(std::string_view text) {
  // Only an all-numeric date with the year last reads differently in the two
  // orders, and only when one of its first two numbers is over 12 does it
  // read in just one.
  const bool month_first = read_date(text, date_order::month_first).has_value();
  const bool day_first = read_date(text, date_order::day_first).has_value();
  if (month_first == day_first) return std::nullopt;
  return month_first ? date_order::month_first : date_order::day_first;
}

} // namespace rebuy::core
