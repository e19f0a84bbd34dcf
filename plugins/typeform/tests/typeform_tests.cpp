// The Typeform importer through its C ABI, on files written to the layout
// Typeform documents (no real export checked yet).
#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace {

using csv_test::probe;
using csv_test::run_ok;

std::string sample() { return csv_test::test_file("typeform", "check_sample.csv"); }

} // namespace

TEST_CASE("typeform: the current layout: token, questions, metadata") {
  auto r = run_ok(sample());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.role_of("#") == REBUY_ROLE_ID);
  CHECK(r.role_of("How likely are you to recommend Acme to a friend or colleague?") ==
        REBUY_ROLE_NPS);
  CHECK(r.role_of("What is the main reason for your score?") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Would you order from Acme again?") == REBUY_ROLE_BUY_AGAIN);
  CHECK(r.role_of("email") == REBUY_ROLE_CUSTOMER);  // a hidden field
  CHECK(r.role_of("score") == REBUY_ROLE_ATTRIBUTE); // a quiz score, not stars
  CHECK(r.role_of("Submit Date (UTC)") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Start Date (UTC)") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Stage Date (UTC)") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Network ID") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Response Type") == REBUY_ROLE_ATTRIBUTE);

  REQUIRE(r.records.size() == 4);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  const auto &first = r.records[0];
  CHECK(first.line == 2);
  CHECK(first.role(REBUY_ROLE_ID) == "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2024-05-01 09:15:02 UTC");
  CHECK(first.get("Start Date (UTC)") == "2024-05-01 09:12:44 UTC");
  CHECK(first.role(REBUY_ROLE_NPS) == "9");
  CHECK(first.get("Tags") == "vip");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Two weeks late & nobody answered my emails.");
  // a partial response keeps what was answered
  CHECK(r.records[2].get("Response Type") == "partial");
  CHECK(r.records[2].role(REBUY_ROLE_NPS) == "10");
  CHECK(!r.records[2].role(REBUY_ROLE_SUBMITTED_AT));
  CHECK(r.records[3].line == 5);
}

TEST_CASE("typeform: the older layout without Response Type, Stage Date and Tags") {
  auto r = run_ok("#,How was your order?,Would you buy again?,Start Date (UTC),Submit Date (UTC),"
                  "Network ID\r\n"
                  "abc,Great,Yes,2019-01-02 10:00:00,2019-01-02 10:01:00,n1\r\n"
                  "def,Late,No,2019-01-03 10:00:00,2019-01-03 10:01:00,n2\r\n");
  CHECK(r.records.size() == 2);
  CHECK(r.role_of("Would you buy again?") == REBUY_ROLE_BUY_AGAIN);
  CHECK(r.records[1].role(REBUY_ROLE_SUBMITTED_AT) == "2019-01-03 10:01:00 UTC");
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "def");
}

TEST_CASE("typeform: line ends, ragged rows, duplicate question titles") {
  csv_test::check_same_rows_whatever_line_ends(sample());
  auto r = run_ok("#,Why?,Why?,Submit Date (UTC)\na,x,y,2024-01-01 00:00:00\nb,x\n\n");
  CHECK(r.columns.at(2).first == "Why? (2)");
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 4 fields, found 2");
  CHECK(r.skips.size() == 1);
}

TEST_CASE("typeform: a header without the token column is an error") {
  auto r = csv_test::run("id,Submit Date (UTC)\n1,2024-01-01 00:00:00\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("not Typeform's response token \"#\"") != std::string::npos);
  r = csv_test::run("");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("no header") != std::string::npos);
}

TEST_CASE("probe: Typeform's layouts, and 0 on the others") {
  CHECK(probe(sample()) == 90);
  CHECK(probe("#\tQ\tNetwork ID\n") == 90); // tab-separated too
  CHECK(probe("#,Q,Submit Date (UTC)\n") == 90);
  CHECK(probe("#,comment\n1,nice\n") == 0); // a "#" alone is any numbered list
  CHECK(probe("Network ID,#\n") == 0);
  CHECK(probe("") == 0);
  importer_checks::check_claims_nothing_foreign();
}
