// The answer reader and the class cut-offs, without the plugin ABI.
#include "nps_answer.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

using rebuy::nps::classify;
using rebuy::nps::nps_class;
using rebuy::nps::parse_answer;

namespace {

std::optional<int> score_of(std::string_view text) { return parse_answer(text).score; }

} // namespace

TEST_CASE("every integer 0-10 is read") {
  for (int i = 0; i <= 10; ++i) {
    const auto a = parse_answer(std::to_string(i));
    REQUIRE(a.score);
    CHECK(*a.score == i);
    CHECK(a.problem.empty());
  }
}

TEST_CASE("white space around the answer is trimmed") {
  CHECK(score_of(" 9") == 9);
  CHECK(score_of("9 ") == 9);
  CHECK(score_of("\t 10 \r\n") == 10);
  CHECK(score_of("09") == 9);
}

TEST_CASE("integers written with a zero fraction are read") {
  CHECK(score_of("10.0") == 10);
  CHECK(score_of("9.00") == 9);
  CHECK(score_of(" 0.0 ") == 0);
}

TEST_CASE("labelled answers exported by survey tools are read") {
  CHECK(score_of("10 - Extremely likely") == 10);
  CHECK(score_of("0 - Not at all likely") == 0);
  CHECK(score_of("10-Extremely likely") == 10);
  CHECK(score_of("10 (Extremely likely)") == 10);
  CHECK(score_of("0: Not at all likely") == 0);
  CHECK(score_of("10 = Extremely likely") == 10);
  CHECK(score_of("10 \xE2\x80\x93 Extremely likely") == 10); // en dash
  CHECK(score_of("0 \xE2\x80\x94 Not at all likely") == 0);  // em dash
  CHECK(score_of("10 - Extr\xC3\xAAmement probable") == 10); // non-ASCII label
  CHECK(score_of("10.0 - Extremely likely") == 10);
}

TEST_CASE("blank answers are skipped questions and not errors") {
  for (std::string_view blank : {"", " ", "\t\r\n"}) {
    const auto a = parse_answer(blank);
    CHECK_FALSE(a.score);
    CHECK(a.problem.empty());
  }
}

TEST_CASE("values outside 0-10 are rejected as out of range") {
  for (std::string_view text : {"11", "-1", "100", "99999999999999999999", "11 - Too likely"}) {
    CAPTURE(text);
    const auto a = parse_answer(text);
    CHECK_FALSE(a.score);
    CHECK(a.problem == "is out of range 0-10");
  }
}

TEST_CASE("fractions are rejected and never rounded") {
  for (std::string_view text : {"7.5", "9.01", "6.9"}) {
    CAPTURE(text);
    const auto a = parse_answer(text);
    CHECK_FALSE(a.score);
    CHECK(a.problem == "is not a whole number");
  }
}

TEST_CASE("free text and other formats are rejected") {
  for (std::string_view text : {"Extremely likely", "n/a", "+9", ". 5", "ten"}) {
    CAPTURE(text);
    const auto a = parse_answer(text);
    CHECK_FALSE(a.score);
    CHECK(a.problem == "is not a number");
  }
  for (std::string_view text : {"9/10", "5-6", "5 - 6", "7,5", "9,0", "7.", "1e1", "9 out of 10",
                                "10 -", "8 - -1", "9 9", "0x5", "10 Extremely likely"}) {
    CAPTURE(text);
    const auto a = parse_answer(text);
    CHECK_FALSE(a.score);
    CHECK(a.problem == "has unexpected text after the number");
  }
}

TEST_CASE("standard NPS cut-offs") {
  for (int s = 0; s <= 6; ++s)
    CHECK(classify(s) == nps_class::detractor);
  CHECK(classify(7) == nps_class::passive);
  CHECK(classify(8) == nps_class::passive);
  CHECK(classify(9) == nps_class::promoter);
  CHECK(classify(10) == nps_class::promoter);
  CHECK(rebuy::nps::label(nps_class::promoter) == "promoter");
  CHECK(rebuy::nps::label(nps_class::passive) == "passive");
  CHECK(rebuy::nps::label(nps_class::detractor) == "detractor");
  CHECK(static_cast<int>(nps_class::promoter) == 1);
  CHECK(static_cast<int>(nps_class::passive) == 0);
  CHECK(static_cast<int>(nps_class::detractor) == -1);
}
