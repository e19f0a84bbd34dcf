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

TEST_CASE("timestamp: ISO 8601 with milliseconds and zones") {
  CHECK(normalize_timestamp("2025-06-21T19:13:29.000Z") == "2025-06-21T19:13:29Z");
  CHECK(normalize_timestamp("2024-12-10T09:06:41.000Z") == "2024-12-10T09:06:41Z");
  CHECK(normalize_timestamp("2024-12-10T09:06:41.123456+05:30") == "2024-12-10T03:36:41Z");
  CHECK(normalize_timestamp("2024-12-10T09:06:41.5-03") == "2024-12-10T12:06:41Z");
  CHECK(normalize_timestamp("2024-12-10 09:06:41.000 +01:00") == "2024-12-10T08:06:41Z");
  CHECK(normalize_timestamp("2024-12-10 09:06:41,250 UTC") == "2024-12-10T09:06:41Z");
  CHECK(normalize_timestamp("20241210") == "2024-12-10T00:00:00Z");
  CHECK_FALSE(normalize_timestamp("20241310"));
  CHECK_FALSE(normalize_timestamp("2024-12-10T09:06:41+25:00"));
}

TEST_CASE("timestamp: zones written as UTC or GMT with an offset, or as an abbreviation") {
  // Google Forms' Timestamp
  CHECK(normalize_timestamp("2019/10/01 12:38:43 PM GMT+8") == "2019-10-01T04:38:43Z");
  CHECK(normalize_timestamp("2019/10/01 12:38:43 AM GMT-03:30") == "2019-10-01T04:08:43Z");
  CHECK(normalize_timestamp("2019/10/01 10:00 UTC+0530") == "2019-10-01T04:30:00Z");
  CHECK(normalize_timestamp("Tue Mar 05 2024 14:30:00 GMT+0100 (Central European Standard Time)") ==
        "2024-03-05T13:30:00Z");
  CHECK(normalize_timestamp("5 March 2024 14:30 CET") == "2024-03-05T13:30:00Z");
  CHECK(normalize_timestamp("7. Juli 2024 14:30 MESZ") == "2024-07-07T12:30:00Z");
  CHECK(normalize_timestamp("2024-07-07 09:00 EDT") == "2024-07-07T13:00:00Z");
  // A time before the date: the date's "-05" is no offset.
  CHECK(normalize_timestamp("10:00 2024-01-05") == "2024-01-05T10:00:00Z");
}

TEST_CASE("timestamp: month names in English with ordinals and abbreviations") {
  CHECK(normalize_timestamp("19th November 2023") == "2023-11-19T00:00:00Z");
  CHECK(normalize_timestamp("the 1st of March, 2024") == "2024-03-01T00:00:00Z");
  CHECK(normalize_timestamp("November 22nd, 2023 at 3:04 pm") == "2023-11-22T15:04:00Z");
  CHECK(normalize_timestamp("Sept. 3, 2023") == "2023-09-03T00:00:00Z");
  CHECK(normalize_timestamp("3 SEP 2023") == "2023-09-03T00:00:00Z");
  CHECK(normalize_timestamp("Thursday, 23rd May 2024") == "2024-05-23T00:00:00Z");
  CHECK(normalize_timestamp("Nov 19, 2023 5:04\u202fPM") == "2023-11-19T17:04:00Z");
  CHECK_FALSE(normalize_timestamp("19th 11 2023"));
}

TEST_CASE("timestamp: German dates, Trustpilot's among them") {
  CHECK(normalize_timestamp("7. Januar 2026") == "2026-01-07T00:00:00Z");
  CHECK(normalize_timestamp("7. Jan. 2026") == "2026-01-07T00:00:00Z");
  CHECK(normalize_timestamp("3. März 2025") == "2025-03-03T00:00:00Z");
  CHECK(normalize_timestamp("3. MÄRZ 2025") == "2025-03-03T00:00:00Z");
  CHECK(normalize_timestamp("3. Maerz 2025") == "2025-03-03T00:00:00Z");
  CHECK(normalize_timestamp("3. Mrz. 2025") == "2025-03-03T00:00:00Z");
  CHECK(normalize_timestamp("15. Oktober 2025") == "2025-10-15T00:00:00Z");
  CHECK(normalize_timestamp("12. Dez. 2025") == "2025-12-12T00:00:00Z");
  CHECK(normalize_timestamp("5. Jänner 2026") == "2026-01-05T00:00:00Z");
  CHECK(normalize_timestamp("Mo., 5. Januar 2026, 14:30 Uhr") == "2026-01-05T14:30:00Z");
  CHECK(normalize_timestamp("am 5. Januar 2026 um 9 Uhr") == "2026-01-05T09:00:00Z");
}

TEST_CASE("timestamp: Spanish, Portuguese and French dates") {
  CHECK(normalize_timestamp("10 de diciembre de 2024") == "2024-12-10T00:00:00Z");
  CHECK(normalize_timestamp("10 de diciembre del 2024") == "2024-12-10T00:00:00Z");
  CHECK(normalize_timestamp("mar, 10 dic 2024") == "2024-12-10T00:00:00Z"); // martes
  CHECK(normalize_timestamp("1 de enero de 2025 a las 10:00") == "2025-01-01T10:00:00Z");
  CHECK(normalize_timestamp("3 de março de 2024") == "2024-03-03T00:00:00Z");
  CHECK(normalize_timestamp("3 de MARÇO de 2024") == "2024-03-03T00:00:00Z");
  CHECK(normalize_timestamp("3 de marco de 2024") == "2024-03-03T00:00:00Z");
  CHECK(normalize_timestamp("1º de maio de 2024") == "2024-05-01T00:00:00Z");
  CHECK(normalize_timestamp("sexta-feira, 4 de out. de 2024 às 18:05") == "2024-10-04T18:05:00Z");
  CHECK(normalize_timestamp("1er mars 2024") == "2024-03-01T00:00:00Z");
  CHECK(normalize_timestamp("3 mars 2024") == "2024-03-03T00:00:00Z");
  CHECK(normalize_timestamp("15 août 2024") == "2024-08-15T00:00:00Z");
  CHECK(normalize_timestamp("15 AOÛT 2024") == "2024-08-15T00:00:00Z");
  CHECK(normalize_timestamp("2 févr. 2024") == "2024-02-02T00:00:00Z");
  CHECK(normalize_timestamp("12 juil. 2024 à 10h30") == "2024-07-12T10:30:00Z");
  CHECK(normalize_timestamp("le 3 décembre 2023") == "2023-12-03T00:00:00Z");
  // "jui" is June or July in French: not guessed.
  CHECK_FALSE(normalize_timestamp("3 jui 2024"));
}

TEST_CASE("timestamp: slashed dates in either order, as the hotel reviews write them") {
  CHECK(normalize_timestamp("8/3/2017", mdy) == "2017-08-03T00:00:00Z");
  CHECK(normalize_timestamp("8/3/2017", dmy) == "2017-03-08T00:00:00Z");
  CHECK(date_order_evidence("8/13/2017") == mdy);
  CHECK_FALSE(date_order_evidence("7. Januar 2026"));
}

TEST_CASE("timestamp: relative dates are never turned into dates") {
  for (const char *relative :
       {"3 days ago", "0 days", "1 days", "yesterday", "an hour ago", "hace 3 días", "vor 3 Tagen",
        "il y a 3 jours", "há 3 dias", "3 dias atrás", "last week", "gestern", "3d ago"}) {
    INFO(relative);
    CHECK_FALSE(normalize_timestamp(relative));
    CHECK_FALSE(normalize_timestamp(relative, dmy));
  }
}
