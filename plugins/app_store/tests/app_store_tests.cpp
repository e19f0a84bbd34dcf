#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;
using csv_test::run;

TEST_CASE("App Store Connect API JSON, two pages one after another") {
  auto r = ic::import(ic::test_file("check_sample.json"), {}, {7});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("id") == REBUY_ROLE_ID);
  CHECK(r.role_of("body") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("territory") == REBUY_ROLE_COUNTRY);
  REQUIRE(r.records.size() == 4);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());

  const auto &first = r.records[0];
  CHECK(first.line == 2);
  CHECK(first.role(REBUY_ROLE_ID) == "00000029-0a1b-4c02-8000-000000000001");
  CHECK(first.role(REBUY_ROLE_RATING) == "5");
  CHECK(first.role(REBUY_ROLE_TITLE) == "Best outdoor shop app");
  CHECK(first.role(REBUY_ROLE_TEXT) ==
        "Found the tent I wanted in two taps.\nCheckout was quick \u2014 I\u2019ll buy again.");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2025-03-01T09:14:03-08:00");
  CHECK(first.role(REBUY_ROLE_COUNTRY) == "USA");
  CHECK(first.get("reviewerNickname") == "trailrunner");
  CHECK(first.fields.size() == 7); // links and relationships are not review fields

  CHECK(r.records[1].line == 24);
  CHECK(r.records[1].role(REBUY_ROLE_TITLE) == "Crashes at \"Pay\"");
  CHECK(r.records[2].role(REBUY_ROLE_TEXT) == "アプリは使いやすいです。");
  CHECK(r.records[3].role(REBUY_ROLE_ID) == "00000029-0a1b-4c02-8000-000000000004");
  CHECK(!r.records[3].role(REBUY_ROLE_TEXT));
}

TEST_CASE("a single review, a bare array, other types skipped visibly") {
  auto one = run(R"({"data":{"type":"customerReviews","id":"a","attributes":{"rating":2}}})");
  REQUIRE(one.records.size() == 1);
  CHECK(one.records[0].role(REBUY_ROLE_RATING) == "2");

  auto bare =
      run("[{\"type\":\"customerReviews\",\"id\":\"a\"},\n{\"type\":\"apps\",\"id\":\"b\"}]");
  REQUIRE(bare.records.size() == 1);
  REQUIRE(bare.skips.size() == 1);
  CHECK(bare.skips[0].line == 2);
  CHECK(bare.skips[0].reason == "type \"apps\" is not customerReviews: not a review");
}

TEST_CASE("a JSON file cut short keeps what came before and rejects the rest") {
  auto r = run("{\"data\":[\n{\"type\":\"customerReviews\",\"id\":\"a\",\"attributes\":{}},\n"
               "{\"type\":\"customerReviews\",\"id\":\"b\",\"attributes\":{\"body\":\"cut");
  REQUIRE(r.status == REBUY_OK);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].role(REBUY_ROLE_ID) == "a");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason.rfind("invalid JSON at line 3: ", 0) == 0);
  CHECK(r.rejects[0].reason.find("the rest of the file is not read") != std::string::npos);
}

TEST_CASE("hostile JSON is bounded: nesting depth and file size") {
  auto deep = run("{\"data\":" + std::string(100000, '['));
  REQUIRE(deep.status == REBUY_OK);
  REQUIRE(deep.rejects.size() == 1);
  CHECK(deep.rejects[0].reason == "invalid JSON at line 1: nested deeper than 64 levels; the "
                                  "rest of the file is not read");

  auto huge = run("{\"data\":[" + std::string((64 << 20) + 1, ' ') + "]}");
  CHECK(huge.status == REBUY_ERROR);
  CHECK(huge.error.find("larger than 64 MiB") != std::string::npos);

  auto other = run("{\"reviews\":[]}");
  CHECK(other.status == REBUY_ERROR);
  CHECK(other.error.find("no \"data\"") != std::string::npos);
}

TEST_CASE("--map works on the JSON keys") {
  auto r =
      run(R"({"data":[{"type":"customerReviews","id":"a","attributes":{"reviewerNickname":"n"}}]})",
          {{"map", "customer=reviewerNickname"}});
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].role(REBUY_ROLE_CUSTOMER) == "n");
}

TEST_CASE("scraped CSV date,title,review,rating") {
  auto r = ic::import(ic::test_file("scraped.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("title") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("review") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
  REQUIRE(r.records.size() == 3);
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "App closes when I pay. I'm done.");
}

TEST_CASE("scraped CSV in Traditional Chinese, with a BOM and developer responses") {
  for (const auto &pattern : csv_test::chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = ic::import(ic::test_file("scraped_zh.csv"), {}, pattern);
    REQUIRE(r.status == REBUY_OK);
    CHECK(r.records.size() == 5);
    CHECK(r.rejects.empty());
    CHECK(r.skips.empty());
    CHECK(r.columns.at(0).first == "date");
    CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
    CHECK(r.role_of("review") == REBUY_ROLE_TEXT);
    CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
    CHECK(r.role_of("language") == REBUY_ROLE_LANGUAGE);
    CHECK(r.role_of("developerResponse") == REBUY_ROLE_ATTRIBUTE);
    CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "出貨很快，包裝也很用心");
    CHECK(r.records[0].role(REBUY_ROLE_RATING) == "5");
    CHECK(r.records[0].get("platform") == "iOS");
    CHECK(r.records[1].get("developerResponse") == "您好，感謝回饋，我們會改善搜尋結果。");
    CHECK(r.records[2].role(REBUY_ROLE_TEXT) == "付款頁面一直轉圈,最後只好改用電腦下單");
    CHECK(r.records[4].role(REBUY_ROLE_TEXT) == "介面清楚，但是優惠券常常不能用 😕");
  }
}

TEST_CASE("probe") {
  CHECK(ic::probe_file(ic::test_file("check_sample.json")) == 90);
  CHECK(ic::probe_file(ic::test_file("scraped.csv")) == 60);
  CHECK(ic::probe_file(ic::test_file("scraped_zh.csv")) == 60);
  CHECK(ic::probe("{\"data\":[]}") == 0);
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
