// The real steak survey in ../shared/data/real (read in place, never copied).
#include "real_files.hpp"

#include <doctest/doctest.h>

TEST_CASE("real: the steak survey, RespondentID and <br> in a question") {
  std::string text = real_files::read("surveymonkey/steak-risk-survey.csv");
  CHECK(csv_test::probe(text) == 90);
  for (const auto &pattern : {std::vector<size_t>{}, std::vector<size_t>{1, 2, 3, 4, 5, 6, 7}}) {
    auto r = csv_test::run_ok(text, {}, pattern);
    CHECK(r.records.size() == 550);
    CHECK(r.rejects.empty());
    CHECK(r.skips.empty());
    REQUIRE(r.columns.size() == 15);
    CHECK(r.columns[0].first == "RespondentID");
    CHECK(r.role_of("RespondentID") == REBUY_ROLE_ID);
    CHECK(r.columns[1].first.rfind("Consider the following hypothetical situations: In Lottery A, "
                                   "you have a 50% chance",
                                   0) == 0);
    CHECK(r.columns[1].first.find("<br>") == std::string::npos);
    CHECK(r.columns[1].first.find("$20. Assuming you have $10") != std::string::npos);
    CHECK(r.columns[14].first == "Location (Census Region)");
    CHECK(r.records.front().line == 3);
    CHECK(r.records.front().role(REBUY_ROLE_ID) == "3237565956");
    CHECK(r.records.back().line == 552);
    CHECK(r.records.back().role(REBUY_ROLE_ID) == "3234760413");
    CHECK(r.records.back().get("How do you like your steak prepared?") == "Medium");
  }
}
