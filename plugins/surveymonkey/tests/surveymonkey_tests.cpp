// The SurveyMonkey importer through its C ABI: two header rows, names of
// multi-column questions, the older RespondentID layout, probe.
#include "importer_checks.hpp"
#include "surveymonkey_importer.hpp"

#include <doctest/doctest.h>

namespace {

using csv_test::run_ok;
using rebuy_surveymonkey::surveymonkey_importer;

using csv_test::probe;

std::string sample() { return csv_test::test_file("surveymonkey", "check_sample.csv"); }

} // namespace

TEST_CASE("surveymonkey: names come from the question and its sub-label") {
  auto r = run_ok(sample());
  std::vector<std::string> names;
  for (const auto &c : r.columns)
    names.push_back(c.first);
  CHECK(names ==
        std::vector<std::string>{
            "Respondent ID",
            "Collector ID",
            "Start Date",
            "End Date",
            "IP Address",
            "Email Address",
            "First Name",
            "Last Name",
            "Custom Data 1",
            "How likely is it that you would recommend Acme Shoes to a friend or colleague?",
            "Would you buy from Acme Shoes again?",
            "Which of these did you buy? (select all that apply) - Shoes",
            "Which of these did you buy? (select all that apply) - Socks",
            "Which of these did you buy? (select all that apply) - Other (please specify)",
            "Why did you give that score?",
            "How satisfied were you with: - Delivery",
            "How satisfied were you with: - Price",
        });
}

TEST_CASE("surveymonkey: metadata and question roles") {
  auto r = run_ok(sample());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.role_of("Respondent ID") == REBUY_ROLE_ID);
  CHECK(r.role_of("End Date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Start Date") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Email Address") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("IP Address") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("How likely is it that you would recommend Acme Shoes to a friend or "
                  "colleague?") == REBUY_ROLE_NPS);
  CHECK(r.role_of("Would you buy from Acme Shoes again?") == REBUY_ROLE_BUY_AGAIN);
  CHECK(r.role_of("Why did you give that score?") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("How satisfied were you with: - Delivery") == REBUY_ROLE_CSAT);
  CHECK(r.role_of("How satisfied were you with: - Price") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Which of these did you buy? (select all that apply) - Shoes") ==
        REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("surveymonkey: every response row is stored, values as exported") {
  auto r = run_ok(sample());
  REQUIRE(r.records.size() == 5);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  const auto &first = r.records[0];
  CHECK(first.line == 3);
  CHECK(first.role(REBUY_ROLE_ID) == "114358291201");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "05/01/2024 09:15:02 AM"); // the host parses it
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "ana@example.com");
  CHECK(first.role(REBUY_ROLE_NPS) == "10");
  CHECK(first.role(REBUY_ROLE_TEXT) == "Comfortable & they arrived early.");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) ==
        "The socks were thin, I'd expect more for the price.");
  CHECK(r.records[1].get("Which of these did you buy? (select all that apply) - Other (please "
                         "specify)") == "gift card");
  // a respondent who answered nothing is still a response: the metadata says so
  CHECK(r.records[3].role(REBUY_ROLE_ID) == "114358291204");
  CHECK(!r.records[3].role(REBUY_ROLE_NPS));
  CHECK(r.records[4].line == 7);
}

TEST_CASE("surveymonkey: HTML in headers becomes plain text") {
  CHECK(surveymonkey_importer::plain_header("A <br>B<br><br>C") == "A B C");
  CHECK(surveymonkey_importer::plain_header("<strong>Rate</strong> &amp; review&#39;s") ==
        "Rate & review's");
  CHECK(surveymonkey_importer::plain_header("Age <18 or > 65") == "Age <18 or > 65");
  CHECK(surveymonkey_importer::plain_header("  two\r\nlines ") == "two lines");
  CHECK(surveymonkey_importer::plain_header("&lt;br&gt; stays") == "<br> stays");
}

TEST_CASE("surveymonkey: the older layout, RespondentID and <br> in a question") {
  // Row 2 says only "Response", as in the exports of the fivethirtyeight surveys.
  std::string text = csv_test::test_file("surveymonkey", "older_export.csv");
  for (const auto &pattern : {std::vector<size_t>{}, std::vector<size_t>{1, 2, 3, 4, 5, 6, 7}}) {
    auto r = run_ok(text, {}, pattern);
    CHECK(r.records.size() == 5);
    CHECK(r.rejects.empty());
    CHECK(r.skips.empty());
    REQUIRE(r.columns.size() == 8);
    CHECK(r.columns[0].first == "RespondentID");
    CHECK(r.role_of("RespondentID") == REBUY_ROLE_ID);
    CHECK(r.columns[1].first ==
          "Which would you rather have: In Offer A, one free coffee today. In "
          "Offer B, two free coffees next month. Assuming you drink coffee "
          "daily, would you take Offer A or Offer B?");
    CHECK(r.columns[7].first == "Location (Census Region)");
    CHECK(r.records.front().line == 3);
    CHECK(r.records.front().role(REBUY_ROLE_ID) == "5100000001");
    CHECK(r.records.back().line == 7);
    CHECK(r.records.back().role(REBUY_ROLE_ID) == "5100000005");
    CHECK(r.records.back().get("How do you take your coffee?") == "With milk");
    CHECK(r.records.at(1).get("Household Income") == "$25,000 - $49,999");
  }
}

TEST_CASE("surveymonkey: line ends, ragged rows and blank lines") {
  csv_test::check_same_rows_whatever_line_ends(sample());
  auto r = run_ok("Respondent ID,Q1,\n,Response,\n1,a\n2,b,c\n\n3,\"x\n");
  CHECK(r.columns.size() == 2); // the trailing comma is no column
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 4);
  CHECK(r.rejects[0].reason == "expected 2 fields, found 3");
  CHECK(r.rejects[1].reason == "unterminated quoted field starting at line 6");
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].reason == "blank line");
}

TEST_CASE("surveymonkey: duplicate questions get stable unique names") {
  auto r = run_ok("Respondent ID,Comments,Comments,\n,Open-Ended Response,Response,x\n1,a,b,c\n");
  REQUIRE(r.columns.size() == 4);
  CHECK(r.columns[1].first == "Comments");
  CHECK(r.columns[2].first == "Comments (2)");
  CHECK(r.columns[3].first == "Comments - x"); // a sub-label under the last question
  CHECK(r.records.at(0).get("Comments (2)") == "b");
}

TEST_CASE("surveymonkey: a missing second header row is an error naming the line") {
  auto r = csv_test::run("Respondent ID,Q1\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("no header row 2") != std::string::npos);
  r = csv_test::run("Respondent ID,Q1\n3237565956,Lottery B\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("header row 2 on line 2 gives a Respondent ID (\"3237565956\")") !=
        std::string::npos);
}

TEST_CASE("surveymonkey: --map overrides a guess") {
  auto r = run_ok(
      sample(), {{"map", "customer=Custom Data 1"}, {"attribute", "Why did you give that score?"}});
  CHECK(r.role_of("Custom Data 1") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("Email Address") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("Why did you give that score?") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.records.at(0).role(REBUY_ROLE_CUSTOMER) == "order-1001");
}

TEST_CASE("probe: SurveyMonkey's own files, and 0 on the others") {
  CHECK(probe(sample()) == 90);
  CHECK(probe(csv_test::test_file("surveymonkey", "older_export.csv")) == 90);
  CHECK(probe("Respondent ID,Q1,Q2\n,Shoes,Socks\n1,Shoes,\n") == 75);
  CHECK(probe("RespondentID,Q1\n1,Yes\n") == 0); // one header row: the csv plugin's
  CHECK(probe("id,Response\n1,Response\n") == 0);
  CHECK(probe("") == 0);
  importer_checks::check_claims_nothing_foreign();
}
