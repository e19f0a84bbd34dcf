#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("quotes are plain text, line breaks and entities decoded") {
  for (const auto &pattern : csv_test::chunk_patterns()) {
    auto r = ic::import(ic::test_file("check_sample.tsv"), {}, pattern);
    REQUIRE(r.status == REBUY_OK);
    REQUIRE(r.records.size() == 4);
    CHECK(r.rejects.empty());
    const auto &boots = r.records[1];
    CHECK(boots.line == 3);
    CHECK(boots.role(REBUY_ROLE_TITLE) == "\"Runs small"); // an unclosed quote swallows nothing
    CHECK(boots.role(REBUY_ROLE_TEXT) == "They run a full size small.\nReturned them.");
    CHECK(boots.get("product_title") == "Cairn 6\" Hiking Boots");
    CHECK(r.records[2].role(REBUY_ROLE_TITLE) == "\"Good value\"");
    CHECK(r.records[2].role(REBUY_ROLE_TEXT) == "\"Solid tent for the price, a bit heavy.");
    CHECK(r.records[3].role(REBUY_ROLE_TEXT) == "Leaked on day one & the lid cracked.");
  }
}

TEST_CASE("roles") {
  auto r = ic::import(ic::test_file("check_sample.tsv"));
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("review_id") == REBUY_ROLE_ID);
  CHECK(r.role_of("customer_id") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("marketplace") == REBUY_ROLE_COUNTRY);
  CHECK(r.role_of("product_id") == REBUY_ROLE_PRODUCT);
  CHECK(r.role_of("star_rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("review_headline") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("review_body") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("review_date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("verified_purchase") == REBUY_ROLE_ATTRIBUTE);
  const auto &first = r.records.at(0);
  CHECK(first.role(REBUY_ROLE_ID) == "R1NWTEST00001");
  CHECK(first.role(REBUY_ROLE_TEXT) == "Warm and light.\nPacks small. I'd buy it again.");
  CHECK(first.get("product_title") == "Northwind Ridge Down Jacket, Men's");
}

TEST_CASE("a ragged row is a reject with its quotes intact") {
  std::string header = "marketplace\tcustomer_id\treview_id\tproduct_id\tstar_rating\n";
  auto r = csv_test::run(header + "US\t1\tR1\t\"P1\t5\nUS\t2\t\"R2\t5\n");
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].role(REBUY_ROLE_PRODUCT) == "\"P1");
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 5 fields, found 4");
  CHECK(r.rejects[0].raw == "US\t2\t\"R2\t5");
}

TEST_CASE("probe") {
  CHECK(ic::probe_file(ic::test_file("check_sample.tsv")) == 95);
  CHECK(ic::probe("marketplace\tcustomer_id\treview_id\tproduct_id\n") == 0);
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
