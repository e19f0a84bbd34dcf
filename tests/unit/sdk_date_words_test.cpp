// The SDK's date words: what the column-role guesser takes for a date is what
// the host reads, and relative dates are recognised but never read.
#include "util/timestamp.hpp"

#include <rebuy/date_words.hpp>
#include <rebuy/role_guess.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using rebuy::looks_like_date;
using rebuy::looks_like_relative_date;

namespace {

// Dates in every form the issue names, read by the host in at least one order.
const char *const dates[] = {"19th November 2023",
                             "November 19, 2023",
                             "7. Januar 2026",
                             "7. Jan. 2026",
                             "3. März 2025",
                             "3. MÄRZ 2025",
                             "3 de março de 2024",
                             "10 de diciembre de 2024",
                             "1er mars 2024",
                             "3 mars 2024",
                             "15 AOÛT 2024",
                             "2 févr. 2024",
                             "1º de maio de 2024",
                             "2025-06-21T19:13:29.000Z",
                             "2024-12-10T09:06:41.000Z",
                             "2019/10/01 12:38:43 PM GMT+8",
                             "8/3/2017",
                             "13/05/2022",
                             "Tue Mar 05 2024 14:30:00 GMT+0100 (Central European Standard Time)",
                             "20190131"};

const char *const relative_dates[] = {"3 days ago",
                                      "0 days",
                                      "1 day",
                                      "3d",
                                      "3d ago",
                                      "2 hrs ago",
                                      "an hour ago",
                                      "a few days ago",
                                      "about 2 months ago",
                                      "0-6 months ago",
                                      "yesterday",
                                      "Today",
                                      "just now",
                                      "yesterday at 10:00",
                                      "last week",
                                      "hace 3 días",
                                      "hace un mes",
                                      "hace más de 2 años",
                                      "la semana pasada",
                                      "ayer",
                                      "vor 3 Tagen",
                                      "vor einem Monat",
                                      "3 Tage her",
                                      "letzte Woche",
                                      "gestern um 14:30 Uhr",
                                      "il y a 3 jours",
                                      "il y a une heure",
                                      "la semaine dernière",
                                      "aujourd'hui",
                                      "avant-hier",
                                      "há 3 dias",
                                      "HÁ 2 SEMANAS",
                                      "3 dias atrás",
                                      "faz 2 meses",
                                      "mês passado",
                                      "ontem"};

} // namespace

TEST_CASE("sdk dates: every form the host reads looks like a date") {
  for (const char *text : dates) {
    INFO(text);
    CHECK(looks_like_date(text));
    CHECK((rebuy::core::normalize_timestamp(text, rebuy::date_order::month_first) ||
           rebuy::core::normalize_timestamp(text, rebuy::date_order::day_first)));
  }
}

TEST_CASE("sdk dates: what looked like a date before still does") {
  CHECK(looks_like_date("2018-01-18 00:00:00"));
  CHECK(looks_like_date("2017-11-15T08:10:34-08:00"));
  CHECK(looks_like_date("3/14/2021 9:05:00"));
  CHECK(looks_like_date("14.03.2021"));
  CHECK(looks_like_date("09 13, 2009"));
  CHECK(looks_like_date("Sep 13, 2009"));
  CHECK(looks_like_date("2 March 2020 10:00 PM"));
  CHECK(looks_like_date("2025-03-02 10:12:00 UTC"));
  CHECK(looks_like_date("2025-03-02 10:12:00 EST"));
  CHECK(looks_like_date("Sun, 19 Nov 2023 12:00:00 +0100"));
  CHECK(looks_like_date("1510761034"));
  CHECK(looks_like_date("1510761034000"));
  CHECK(looks_like_date(" 2019-05-01 10:00 America/Denver "));
}

TEST_CASE("sdk dates: what the host cannot read does not look like a date") {
  for (const char *text : relative_dates) {
    INFO(text);
    CHECK_FALSE(looks_like_date(text));
  }
  CHECK_FALSE(looks_like_date("Marketing 2020"));
  CHECK_FALSE(looks_like_date("192.168.1.1"));
  CHECK_FALSE(looks_like_date("1.2.3"));
  CHECK_FALSE(looks_like_date("42"));
  CHECK_FALSE(looks_like_date(""));
  CHECK_FALSE(looks_like_date("2023-02-30"));   // no such day
  CHECK_FALSE(looks_like_date("Nov 2023"));     // no day
  CHECK_FALSE(looks_like_date("7. Januar"));    // no year
  CHECK_FALSE(looks_like_date("3 jui 2024"));   // juin or juillet
  CHECK_FALSE(looks_like_date("19th 11 2023")); // an ordinal is a day beside a month name
  CHECK_FALSE(looks_like_date("Mardi gras 2024"));
  CHECK_FALSE(looks_like_date("925516800"));             // 9 digits: more often an id
  CHECK_FALSE(looks_like_date("999999999:00 1/1/2020")); // no overflow on the way (UBSan)
}

TEST_CASE("sdk dates: relative dates in five languages are recognised") {
  for (const char *text : relative_dates) {
    INFO(text);
    CHECK(looks_like_relative_date(text));
  }
  for (const char *text : dates) {
    INFO(text);
    CHECK_FALSE(looks_like_relative_date(text));
  }
  CHECK_FALSE(looks_like_relative_date(""));
  CHECK_FALSE(looks_like_relative_date("days"));
  CHECK_FALSE(looks_like_relative_date("a day to remember"));
  CHECK_FALSE(looks_like_relative_date("3 mar 2024"));
  CHECK_FALSE(looks_like_relative_date("Good service, arrived in 3 days"));
  CHECK_FALSE(looks_like_relative_date("3 日前"));
}

TEST_CASE("sdk dates: read_date gives the parts and leaves zones to the host") {
  auto parts = rebuy::read_date("2019-05-01 10:00 America/Denver", rebuy::date_order::month_first);
  REQUIRE(parts);
  CHECK(parts->year == 2019);
  CHECK(parts->month == 5);
  CHECK(parts->day == 1);
  CHECK(parts->seconds == 36000);
  CHECK(parts->zone == "America/Denver");
  CHECK_FALSE(parts->utc_offset);
  parts = rebuy::read_date("7. Januar 2026 10h30 MEZ", rebuy::date_order::month_first);
  REQUIRE(parts);
  CHECK(parts->day == 7);
  CHECK(parts->seconds == 37800);
  CHECK(parts->utc_offset == 3600);
}

TEST_CASE("sdk dates: a column of German, ordinal or relative dates is guessed accordingly") {
  auto guess = [](std::string header, std::vector<std::string_view> values) {
    std::vector<rebuy::column_sample> columns(1);
    columns[0].header = header;
    columns[0].values = std::move(values);
    return rebuy::guess_roles(columns)[0];
  };
  CHECK(guess("Datetime", {"19th November 2023", "2nd December 2023", "21st January 2024"}) ==
        REBUY_ROLE_SUBMITTED_AT);
  CHECK(guess("date", {"7. Januar 2026", "4. Februar 2025", "3. März 2025", "12. Dez. 2025"}) ==
        REBUY_ROLE_SUBMITTED_AT);
  CHECK(guess("date", {"3 days ago", "yesterday", "vor 3 Tagen"}) == REBUY_ROLE_ATTRIBUTE);
}
