// Files of our own with the quirks of the real exports that real_files_tests.cpp
// reads: a learner survey, marketplace order reviews, app reviews and two-row
// survey headers. They cover the same behaviour where ../shared/data/real is absent.
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace {

csv_test::result import(const std::string &plugin, const std::string &file,
                        std::vector<size_t> pattern = {}) {
  std::string text = csv_test::test_file(plugin, file);
  INFO("fixture: ", plugin, "/tests/data/", file);
  REQUIRE(!text.empty());
  csv_test::chunked_input in(std::move(text), std::move(pattern), file);
  auto r = csv_test::run(in.get());
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  return r;
}

} // namespace

TEST_CASE("exports: a learner survey, NPS with blanks and a past-tense Recommended") {
  auto r = import("csv", "learner_survey.csv");
  CHECK(r.records.size() == 12);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.columns.size() == 10);
  CHECK(r.role_of("Likely-To-Recommend") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Recommended") == REBUY_ROLE_ATTRIBUTE); // "Yes." is not would-recommend
  CHECK(r.role_of("Country") == REBUY_ROLE_COUNTRY);

  // Counted by hand: 10 answers, 4 promoters (9-10), 4 detractors (0-6).
  size_t answers = 0, promoters = 0, detractors = 0;
  for (const auto &rec : r.records) {
    auto nps = rec.role(REBUY_ROLE_NPS);
    if (!nps) continue;
    ++answers;
    int score = std::stoi(*nps);
    promoters += score >= 9;
    detractors += score <= 6;
  }
  CHECK(answers == 10);
  CHECK(promoters == 4);
  CHECK(detractors == 4);
  CHECK(r.records.at(3).get("Recommended") == "I don't remember.");
  CHECK(r.records.front().line == 2);
  CHECK(r.records.back().line == 13);
}

TEST_CASE("exports: order reviews with CRLF inside quoted comments") {
  auto r = import("csv", "order_reviews.csv");
  CHECK(r.records.size() == 8);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("review_id") == REBUY_ROLE_ID);
  CHECK(r.role_of("order_id") == REBUY_ROLE_ORDER_ID);
  CHECK(r.role_of("review_score") == REBUY_ROLE_RATING);
  CHECK(r.role_of("review_comment_title") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("review_comment_message") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("review_creation_date") == REBUY_ROLE_SUBMITTED_AT);

  const auto &first = r.records.front();
  CHECK(first.line == 2);
  CHECK(first.role(REBUY_ROLE_ID) == "d12d8e61f28053854a2c4d7ebd3ee298");
  CHECK(first.role(REBUY_ROLE_RATING) == "4");
  CHECK(!first.role(REBUY_ROLE_TEXT)); // empty comment: no field
  CHECK(!first.role(REBUY_ROLE_TITLE));

  // Comments spanning lines keep their CRLF, and later rows start on the
  // physical line after them.
  CHECK(r.records[3].role(REBUY_ROLE_TEXT) ==
        "Comprei dois pares e recebi só um.\r\nJá abri reclamação e ninguém respondeu.");
  CHECK(r.records[4].line == 7);
  CHECK(r.records[5].role(REBUY_ROLE_TEXT) ==
        "Veio com defeito.\r\n\r\nTroquei e o segundo também veio \"riscado\".");
  CHECK(r.records[6].line == 11);
  CHECK(r.records[6].role(REBUY_ROLE_TITLE) == "Ótimo");
  CHECK(r.records.back().line == 12); // no line end after the last row
}

TEST_CASE("exports: order reviews read in chunks of 1 to 7 bytes give the same rows") {
  auto whole = import("csv", "order_reviews.csv");
  auto chunked = import("csv", "order_reviews.csv", {1, 2, 3, 4, 5, 6, 7});
  REQUIRE(chunked.records.size() == whole.records.size());
  for (size_t i = 0; i < whole.records.size(); ++i) {
    CHECK(chunked.records[i].line == whole.records[i].line);
    CHECK(chunked.records[i].fields.size() == whole.records[i].fields.size());
    CHECK(chunked.records[i].role(REBUY_ROLE_TEXT) == whole.records[i].role(REBUY_ROLE_TEXT));
  }
}

TEST_CASE("exports: Traditional Chinese app reviews with a BOM") {
  auto r = import("app_store", "scraped_zh.csv");
  CHECK(r.records.size() == 5);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.columns.at(0).first == "date");
  CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("review") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("developerResponse") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
}

TEST_CASE("exports: a SurveyMonkey export with two header rows") {
  auto r = import("surveymonkey", "older_export.csv");
  CHECK(r.rejects.empty());
  // the second header row ("Response", ...) is a data row to this generic plugin
  CHECK(r.records.size() == 6);
  CHECK(r.skips.empty());
  CHECK(r.role_of("RespondentID") == REBUY_ROLE_ID);
  CHECK(r.records.at(1).role(REBUY_ROLE_ID) == "5100000001");
}

TEST_CASE("exports: Qualtrics exports read without rejects") {
  for (const char *file : {"check_sample.csv", "german_labels.csv"}) {
    INFO(file);
    auto r = import("qualtrics", file);
    CHECK(r.rejects.empty());
    CHECK(r.records.size() >= 2);
  }
}
