// The Google Forms importer through its C ABI, on files written to the layout
// Google documents (no real download checked yet).
#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace {

using csv_test::probe;
using csv_test::run_ok;

std::string sample() { return csv_test::test_file("google_forms", "check_sample.csv"); }

} // namespace

TEST_CASE("google_forms: timestamp, e-mail, score and questions") {
  auto r = run_ok(sample());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.role_of("Timestamp") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Email Address") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Score") == REBUY_ROLE_ATTRIBUTE); // quiz points, not stars
  CHECK(r.role_of("How likely are you to recommend Acme to a friend?") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Would you buy from Acme again?") == REBUY_ROLE_BUY_AGAIN);
  CHECK(r.role_of("Which products did you buy?") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("How satisfied are you with [Delivery]") == REBUY_ROLE_CSAT);
  CHECK(r.role_of("How satisfied are you with [Price]") == REBUY_ROLE_ATTRIBUTE);
  // a repeated title gets a stable second name; both are text
  CHECK(r.role_of("Any comments?") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("Any comments? (2)") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("id") == -1); // no id column: the host keys rows by their content

  REQUIRE(r.records.size() == 3);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  const auto &first = r.records[0];
  CHECK(first.line == 2);
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "5/1/2024 9:15:02"); // the host reads locale dates
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "ana@example.com");
  CHECK(first.get("Which products did you buy?") == "Shoes, Socks");
  CHECK(first.get("Score") == "2 / 3");
  CHECK(first.role(REBUY_ROLE_TEXT) == "Lovely shoes & quick delivery.");
  CHECK(r.records[1].get("Any comments? (2)") == "Please add bigger sizes");
}

TEST_CASE("google_forms: newer forms spell \"Email address\", and forms without e-mail work") {
  auto r = run_ok("Timestamp,Email address,Why did you choose us?\n"
                  "2024/05/01 9:15:02 AM GMT+2,a@example.com,Price\n");
  CHECK(r.role_of("Email address") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Why did you choose us?") == REBUY_ROLE_TEXT);
  r = run_ok("Timestamp,Rate us\n1/5/2024 10:00:00,4\n");
  CHECK(r.records.at(0).role(REBUY_ROLE_SUBMITTED_AT) == "1/5/2024 10:00:00");
}

TEST_CASE("google_forms: line ends, ragged rows, empty rows") {
  csv_test::check_same_rows_whatever_line_ends(sample());
  auto r = run_ok("Timestamp,Q\n1/5/2024 10:00:00,a\n1/5/2024 10:00:01\n,\n");
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 2 fields, found 1");
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].reason == "empty row: every field is blank");
}

TEST_CASE("google_forms: a header without Timestamp first is an error") {
  auto r = csv_test::run("Email Address,Timestamp\na@b.c,1/5/2024 10:00:00\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("not Google Forms' \"Timestamp\"") != std::string::npos);
}

TEST_CASE("probe: Google Forms, and 0 on the others") {
  CHECK(probe(sample()) == 70);
  CHECK(probe("Timestamp,Q\n") == 70);
  CHECK(probe("Timestamp,Q\nlast week,4\n") == 0); // not a form's timestamp
  CHECK(probe("timestamp,level,message\n") == 0);  // a log file
  CHECK(probe("") == 0);
  importer_checks::check_claims_nothing_foreign();
}
