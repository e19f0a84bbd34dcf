#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("Judge.me, spam skipped with the rule named") {
  auto r = ic::import(ic::test_file("check_sample.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("title") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("body") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("review_date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("reviewer_email") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("product_handle") == REBUY_ROLE_PRODUCT);
  CHECK(r.role_of("reply") == REBUY_ROLE_ATTRIBUTE);

  REQUIRE(r.records.size() == 3);
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].line == 4);
  CHECK(r.skips[0].reason ==
        "curated=spam: Judge.me marked this review as spam; --option include_spam=1 imports it");
  CHECK(r.rows() == 4);

  const auto &first = r.records[0];
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2025-03-02 10:12:00 UTC");
  CHECK(first.role(REBUY_ROLE_ID) == "anna@example.com|ridge-down-jacket|2025-03-02 10:12:00 UTC");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Order a size up \u2014 mine went back.");
  CHECK(r.records[2].get("curated") == "not-yet"); // not yet curated is not spam
  CHECK(!r.records[2].role(REBUY_ROLE_ID));        // no e-mail: keyed by content

  auto all = ic::import(ic::test_file("check_sample.csv"), {{"include_spam", "1"}});
  CHECK(all.records.size() == 4);
  CHECK(all.skips.empty());
}

TEST_CASE("Shopify Product Reviews") {
  auto r = ic::import(ic::test_file("shopify_product_reviews.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("created_at") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("email") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("author") == REBUY_ROLE_ATTRIBUTE);
  REQUIRE(r.records.size() == 2);
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].reason.rfind("state=spam: Shopify Product Reviews marked", 0) == 0);
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Had to return them.");
  CHECK(r.records[1].role(REBUY_ROLE_PRODUCT) == "cairn-hiking-boots");
}

TEST_CASE("Yotpo") {
  auto r = ic::import(ic::test_file("yotpo.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.role_of("Review Score") == REBUY_ROLE_RATING);
  CHECK(r.role_of("Review Content") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Product ID") == REBUY_ROLE_PRODUCT);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "leo@example.com|7012345678901|2025-01-20");
}

TEST_CASE("probe") {
  CHECK(ic::probe_file(ic::test_file("check_sample.csv")) == 90);
  CHECK(ic::probe_file(ic::test_file("shopify_product_reviews.csv")) == 90);
  CHECK(ic::probe_file(ic::test_file("yotpo.csv")) == 85);
  CHECK(ic::probe("title,body,rating\n") == 0);
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
