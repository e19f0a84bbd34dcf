#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("the check sample, every row a review") {
  auto r = ic::import(ic::test_file("check_sample.csv"));
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  CHECK(r.role_of("Review Id") == REBUY_ROLE_ID);
  CHECK(r.role_of("Review Created (UTC)") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Review Consumer User Id") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Review Title") == REBUY_ROLE_TITLE);
  CHECK(r.role_of("Review Content") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Review Stars") == REBUY_ROLE_RATING);
  CHECK(r.role_of("Review Language") == REBUY_ROLE_LANGUAGE);
  CHECK(r.role_of("Reference Id") == REBUY_ROLE_ORDER_ID);
  // The shop's reply is not the customer's text.
  CHECK(r.role_of("Company Response") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Review Username") == REBUY_ROLE_ATTRIBUTE);

  REQUIRE(r.records.size() == 4);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  const auto &first = r.records[0];
  CHECK(first.role(REBUY_ROLE_ID) == "64f1a2b3c4d5e6f708192a3b");
  CHECK(first.role(REBUY_ROLE_TITLE) == "Boots fit perfectly");
  CHECK(first.role(REBUY_ROLE_TEXT)->find("I'll order again.") != std::string::npos);
  CHECK(first.get("Company Response") == "Thank you Anna!");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) ==
        "Die Jacke kam eine Woche zu spät.\nQualität ist aber gut.");
  CHECK(r.records[2].line == 5);
  CHECK(r.records[2].get("Review Username") == "Miller, Sam");
  CHECK(r.records[3].role(REBUY_ROLE_TEXT) == "Great tent & quick shipping");
  CHECK(!r.records[3].role(REBUY_ROLE_TITLE));
}

TEST_CASE("probe claims its exports above the generic csv importer") {
  CHECK(ic::probe_file(ic::test_file("check_sample.csv")) == 90);
  CHECK(ic::probe("Review ID,Review Created (UTC),Review Stars,Review Content\n") == 90);
  CHECK(ic::probe("Review ID;Review Created (UTC);Review Stars\n") == 90);
  CHECK(ic::probe("Review ID,Review Created (UTC),Review Content\n") == 0);
}

TEST_CASE("probe is 0 on every other format") {
  for (const auto &file : ic::foreign_files())
    CHECK_MESSAGE(ic::probe_file(file) == 0, file.string());
}
