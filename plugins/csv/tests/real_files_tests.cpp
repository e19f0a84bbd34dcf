// Real exports from ../shared/data/real (read in place, never copied).
#include "real_files.hpp"

#include <rebuy/date_words.hpp>

#include <doctest/doctest.h>

namespace {

csv_test::result import_real(const std::string &relative, std::vector<size_t> pattern = {}) {
  csv_test::chunked_input in(real_files::read(relative), std::move(pattern), relative);
  auto r = csv_test::run(in.get());
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  return r;
}

} // namespace

TEST_CASE("real: Carpentries long-term survey, NPS and a past-tense Recommended") {
  auto r = import_real("nps_survey/longterm_October2017.csv");
  CHECK(r.records.size() == 476);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.columns.size() == 75);
  CHECK(r.role_of("Likely-To-Recommend") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Recommended") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Country") == REBUY_ROLE_COUNTRY);

  // The README's independently computed figures: 402 answers, 215 promoters,
  // 69 detractors.
  size_t answers = 0, promoters = 0, detractors = 0;
  for (const auto &rec : r.records) {
    auto nps = rec.role(REBUY_ROLE_NPS);
    if (!nps) continue;
    ++answers;
    int score = std::stoi(*nps);
    promoters += score >= 9;
    detractors += score <= 6;
  }
  CHECK(answers == 402);
  CHECK(promoters == 215);
  CHECK(detractors == 69);
  CHECK(r.records.front().line == 2);
  CHECK(r.records.back().line == 477);
}

TEST_CASE("real: Olist reviews with CRLF inside quoted comments") {
  auto r = import_real("olist/olist_order_reviews_dataset.first6123.csv");
  CHECK(r.records.size() == 6123);
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
  CHECK(first.role(REBUY_ROLE_ID) == "7bc2406110b926393aa56f80a40eba40");
  CHECK(first.role(REBUY_ROLE_RATING) == "4");
  CHECK(!first.role(REBUY_ROLE_TEXT)); // empty comment: no field

  // Comments spanning lines keep their CRLF, and later rows start on the
  // physical line after them.
  size_t multi_line = 0;
  for (size_t i = 0; i < r.records.size(); ++i) {
    auto text = r.records[i].role(REBUY_ROLE_TEXT);
    if (text && text->find("\r\n") != std::string::npos) {
      ++multi_line;
      if (i + 1 < r.records.size()) CHECK(r.records[i + 1].line > r.records[i].line + 1);
    }
  }
  CHECK(multi_line > 0);
  // the file has 6480 CRLF and no final line end: the last row starts on line 6481 at most
  CHECK(r.records.back().line <= 6481);
}

TEST_CASE("real: Olist read in chunks of 1 to 7 bytes gives the same rows") {
  auto whole = import_real("olist/olist_order_reviews_dataset.first6123.csv");
  auto chunked =
      import_real("olist/olist_order_reviews_dataset.first6123.csv", {1, 2, 3, 4, 5, 6, 7});
  REQUIRE(chunked.records.size() == whole.records.size());
  for (size_t i = 0; i < whole.records.size(); ++i) {
    CHECK(chunked.records[i].line == whole.records[i].line);
    CHECK(chunked.records[i].fields.size() == whole.records[i].fields.size());
    CHECK(chunked.records[i].role(REBUY_ROLE_TEXT) == whole.records[i].role(REBUY_ROLE_TEXT));
  }
}

TEST_CASE("real: Traditional Chinese app reviews with a BOM") {
  auto r = import_real("app_reviews/app_reviews_zh_tw.csv");
  CHECK(r.records.size() == 370);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.columns.at(0).first == "date");
  CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("review") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("developerResponse") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
}

TEST_CASE("real: SurveyMonkey export with two header rows") {
  auto r = import_real("surveymonkey/steak-risk-survey.csv");
  CHECK(r.rejects.empty());
  // the second header row ("Response", ...) is a data row to this generic plugin
  CHECK(r.records.size() == 551);
  CHECK(r.skips.empty());
  CHECK(r.role_of("RespondentID") == REBUY_ROLE_ID);
  CHECK(r.records.at(1).role(REBUY_ROLE_ID) == "3237565956");
}

TEST_CASE("real: Qualtrics exports read without rejects") {
  for (const char *file :
       {"qualtrics/qualtrics_sample.csv", "qualtrics/qualtrics_sample_legacy.csv"}) {
    INFO(file);
    auto r = import_real(file);
    CHECK(r.rejects.empty());
    CHECK(r.records.size() >= 2);
  }
}

TEST_CASE("real: German Trustpilot reviews dated \"7. Januar 2026\"") {
  auto r = import_real("trustpilot/trustpilot_de_oerag_reviews.csv");
  CHECK(r.records.size() == 372);
  CHECK(r.rejects.empty());
  CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
  // Every one of the 372 dates, not just the sampled ones, is a date the host reads.
  size_t dates = 0;
  for (const auto &rec : r.records) {
    auto date = rec.role(REBUY_ROLE_SUBMITTED_AT);
    INFO("line ", rec.line, ": ", date.value_or("(none)"));
    CHECK((date && rebuy::looks_like_date(*date)));
    dates += date.has_value();
  }
  CHECK(dates == 372);
  CHECK(r.records.front().role(REBUY_ROLE_SUBMITTED_AT) == "7. Januar 2026");
}
