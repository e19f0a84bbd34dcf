#include "util/timestamp.hpp"

#include <doctest/doctest.h>

using rebuy::core::date_order;
using rebuy::core::date_order_evidence;
using rebuy::core::normalize_timestamp;

namespace {
constexpr auto dmy = date_order::day_first;
constexpr auto mdy = date_order::month_first;
} // namespace

TEST_CASE("timestamp: ISO 8601 forms become UTC") {
  CHECK(normalize_timestamp("2017-07-18 08:28:09") == "2017-07-18T08:28:09Z");
  CHECK(normalize_timestamp("2017-11-15T08:10:34-08:00") == "2017-11-15T16:10:34Z");
  CHECK(normalize_timestamp("2024-02-29") == "2024-02-29T00:00:00Z");
  CHECK(normalize_timestamp("2024-01-01T00:30Z") == "2024-01-01T00:30:00Z");
  CHECK(normalize_timestamp("2024-01-01T12:00:00.123+0100") == "2024-01-01T11:00:00Z");
}

TEST_CASE("timestamp: Unix seconds and milliseconds") {
  CHECK(normalize_timestamp("1252800000") == "2009-09-13T00:00:00Z");
  CHECK(normalize_timestamp("1252800000000") == "2009-09-13T00:00:00Z");
  CHECK(normalize_timestamp("925516800") == "1999-05-01T00:00:00Z"); // Amazon reviews from 1999
  CHECK(normalize_timestamp("925516800000") == "1999-05-01T00:00:00Z");
}

TEST_CASE("timestamp: locale forms from real exports") {
  CHECK(normalize_timestamp("9/11/2022 17:54", mdy) == "2022-09-11T17:54:00Z");
  CHECK(normalize_timestamp("9/11/2022 17:54", dmy) == "2022-11-09T17:54:00Z");
  CHECK(normalize_timestamp("09 13, 2009") == "2009-09-13T00:00:00Z"); // Amazon reviewTime
  CHECK(normalize_timestamp("19th November 2023") == "2023-11-19T00:00:00Z");
  CHECK(normalize_timestamp("November 19, 2023 5:04 PM") == "2023-11-19T17:04:00Z");
  CHECK(normalize_timestamp("Sun, 19 Nov 2023 12:00:00 +0100") == "2023-11-19T11:00:00Z");
  CHECK(normalize_timestamp("12/1/2023 12:15:00 AM") == "2023-12-01T00:15:00Z");
  CHECK(normalize_timestamp("18.07.2017", mdy) == "2017-07-18T00:00:00Z"); // dots: day first
  CHECK(normalize_timestamp("2025-03-02 10:12:00 UTC") == "2025-03-02T10:12:00Z"); // Judge.me
  CHECK(normalize_timestamp("2023/11/19 08:00") == "2023-11-19T08:00:00Z");
  CHECK(normalize_timestamp("5/6/23", mdy) == "2023-05-06T00:00:00Z");
  // A time before the date's dashes is not a zone offset.
  CHECK(normalize_timestamp("18-07-2018 10:00", dmy) == "2018-07-18T10:00:00Z");
}

TEST_CASE("timestamp: an IANA zone after a local time converts to UTC") {
  // Qualtrics writes zone-less times and names the zone in its third header row.
  CHECK(normalize_timestamp("2019-05-01 10:00:00 America/Denver") == "2019-05-01T16:00:00Z");
  CHECK(normalize_timestamp("2019-01-15 10:00:00 America/Denver") == "2019-01-15T17:00:00Z");
  CHECK(normalize_timestamp("2019-07-01 10:00 Europe/Berlin") == "2019-07-01T08:00:00Z");
  CHECK_FALSE(normalize_timestamp("2019-07-01 10:00 Nowhere/Atlantis"));
}

TEST_CASE("timestamp: the order decides, and a date that contradicts it is refused") {
  CHECK_FALSE(normalize_timestamp("13/05/2022", mdy));
  CHECK(normalize_timestamp("13/05/2022", dmy) == "2022-05-13T00:00:00Z");
  CHECK(date_order_evidence("13/05/2022 10:00") == dmy);
  CHECK(date_order_evidence("05/13/2022") == mdy);
  CHECK_FALSE(date_order_evidence("05/06/2022"));
  CHECK_FALSE(date_order_evidence("2022/05/13"));
  CHECK_FALSE(date_order_evidence("13.05.2022"));
}

TEST_CASE("timestamp: anything else is not guessed") {
  CHECK_FALSE(normalize_timestamp("2023-02-30"));
  CHECK_FALSE(normalize_timestamp("yesterday"));
  CHECK_FALSE(normalize_timestamp("2024-01-01T25:00"));
  CHECK_FALSE(normalize_timestamp("13:61 1/1/2020"));
  CHECK_FALSE(normalize_timestamp("42"));
  CHECK_FALSE(normalize_timestamp("1/2/3/4"));
  CHECK_FALSE(normalize_timestamp("Nov 2023"));
  CHECK_FALSE(normalize_timestamp("31/31/2020", dmy));
  CHECK_FALSE(normalize_timestamp(std::string(500, '1')));
}
