#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("the Play Console report (UTF-16 as the host decodes it)") {
  auto r = ic::import(ic::test_file("check_sample.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("Review Link") == REBUY_ROLE_ID);
  CHECK(r.role_of("Star Rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("Review Text") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Review Title") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("Review Submit Date and Time") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Reviewer Language") == REBUY_ROLE_LANGUAGE);
  CHECK(r.role_of("Package Name") == REBUY_ROLE_PRODUCT);
  CHECK(r.role_of("Developer Reply Text") == REBUY_ROLE_ATTRIBUTE);
  REQUIRE(r.records.size() == 4);
  CHECK(r.rejects.empty());

  // The id is the reviewId inside the link, in both link formats; the link stays.
  CHECK(r.records[0].role(REBUY_ROLE_ID) == "gp:AOqpTOE1aaaa");
  CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "Love the app, checkout is quick now.");
  CHECK(r.records[3].role(REBUY_ROLE_ID) == "gp:AOqpTOE3cccc");
  size_t links = 0;
  for (const auto &f : r.records[0].fields)
    links += f.name == "Review Link" && f.role == REBUY_ROLE_ATTRIBUTE &&
             f.value.find("reviewId=gp:AOqpTOE1aaaa&corpus") != std::string::npos;
  CHECK(links == 1);
  // A rating without text has no link: keyed by app and submission time.
  CHECK(r.records[2].role(REBUY_ROLE_ID) == "com.example.northwind@1741003200000");
  CHECK(r.records[2].role(REBUY_ROLE_RATING) == "4");
}

TEST_CASE("an edited review keeps its id and carries the new text") {
  std::string header = "Package Name,Review Submit Millis Since Epoch,Review Last Update Millis "
                       "Since Epoch,Star Rating,Review Text,Review Link\n";
  std::string link = "https://x.invalid/review-details?reviewId=gp:ABC&corpus=PUBLIC_REVIEWS";
  auto before = csv_test::run(header + "app,1,1,2,Bad," + link + "\n");
  auto after = csv_test::run(header + "app,1,9,5,Fixed now," + link + "\n");
  REQUIRE(before.records.size() == 1);
  REQUIRE(after.records.size() == 1);
  CHECK(before.records[0].role(REBUY_ROLE_ID) == after.records[0].role(REBUY_ROLE_ID));
  CHECK(after.records[0].role(REBUY_ROLE_TEXT) == "Fixed now");
}

TEST_CASE("the google-play-scraper layout") {
  auto r = ic::import(ic::test_file("scraper.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("reviewId") == REBUY_ROLE_ID);
  CHECK(r.role_of("content") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("score") == REBUY_ROLE_RATING);
  CHECK(r.role_of("at") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("replyContent") == REBUY_ROLE_ATTRIBUTE);
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "9a1b2c3d-0001-4e5f-8a9b-000000000002");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Crashes at checkout, every time.");
  CHECK(r.records[2].role(REBUY_ROLE_RATING) == "4");
}

TEST_CASE("probe") {
  CHECK(ic::probe_file(ic::test_file("check_sample.csv")) == 95);
  CHECK(ic::probe_file(ic::test_file("scraper.csv")) == 85);
  CHECK(ic::probe("reviewId,content,score\n") == 0);
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
