// The Delighted importer through its C ABI, on files written to the fields
// Delighted documents for its responses (no real CSV export checked yet).
#include "delighted_importer.hpp"
#include "importer_checks.hpp"

#include <doctest/doctest.h>

namespace {

using csv_test::run_ok;
using rebuy_delighted::delighted_importer;

using csv_test::probe;

std::string sample() { return csv_test::test_file("delighted", "check_sample.csv"); }

} // namespace

TEST_CASE("delighted: an NPS project's export") {
  auto r = run_ok(sample());
  CHECK(r.kind == REBUY_RECORD_SURVEY);
  CHECK(r.role_of("id") == REBUY_ROLE_ID);
  CHECK(r.role_of("person") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("email") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("score") == REBUY_ROLE_NPS);
  CHECK(r.role_of("comment") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("created_at") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("plan") == REBUY_ROLE_SEGMENT); // person properties are guessed
  CHECK(r.role_of("country") == REBUY_ROLE_COUNTRY);
  CHECK(r.role_of("purchase_experience") == REBUY_ROLE_ATTRIBUTE);

  REQUIRE(r.records.size() == 4);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  const auto &first = r.records[0];
  CHECK(first.line == 2);
  CHECK(first.role(REBUY_ROLE_ID) == "81726354");
  CHECK(first.role(REBUY_ROLE_NPS) == "10");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "1714554902"); // Unix seconds: the host converts
  CHECK(first.role(REBUY_ROLE_TEXT) == "Love the shoes & the service!");
  CHECK(first.get("purchase_experience") == "Online Store");
  CHECK(r.records[1].get("notes") == "Called back, refunded shipping");
  CHECK(r.records[3].role(REBUY_ROLE_TEXT) == "Would buy again.\nGreat fit.");
  CHECK(r.records[3].get("tags") == "returning, vip");
}

TEST_CASE("delighted: each row's survey_type says what its score is") {
  auto r = run_ok("id,email,survey_type,score,comment,created_at\n"
                  "1,a@x.com,nps,9,good,1714554902\n"
                  "2,b@x.com,csat,4,ok,1714554903\n"
                  "3,c@x.com,ces,6,easy,1714554904\n"
                  "4,d@x.com,5star,5,great,1714554905\n"
                  "5,e@x.com,enps,3,meh,1714554906\n"
                  "6,f@x.com,nps,0,bad,1714554907\n");
  CHECK(r.role_of("score") == REBUY_ROLE_NPS); // what most rows are
  REQUIRE(r.records.size() == 6);
  CHECK(r.records[0].role(REBUY_ROLE_NPS) == "9");
  CHECK(r.records[1].role(REBUY_ROLE_CSAT) == "4");
  CHECK(!r.records[1].role(REBUY_ROLE_NPS));
  CHECK(r.records[2].role(REBUY_ROLE_CES) == "6");
  CHECK(r.records[2].role(REBUY_ROLE_CES_VERSION) == "2");
  CHECK(r.records[3].role(REBUY_ROLE_RATING) == "5");
  CHECK(r.records[3].role(REBUY_ROLE_RATING_MAX) == "5");
  CHECK(r.records[4].get("score") == "3"); // eNPS asks employees: kept, not scored
  CHECK(!r.records[4].role(REBUY_ROLE_NPS));
  CHECK(r.records[5].role(REBUY_ROLE_NPS) == "0");
}

TEST_CASE("delighted: the survey types") {
  CHECK(delighted_importer::meaning_of("nps").role == REBUY_ROLE_NPS);
  CHECK(delighted_importer::meaning_of("csat").role == REBUY_ROLE_CSAT);
  CHECK(delighted_importer::meaning_of("smileys").role == REBUY_ROLE_CSAT);
  CHECK(delighted_importer::meaning_of("ces").fact == "2");
  CHECK(delighted_importer::meaning_of("pmf").role == REBUY_ROLE_ATTRIBUTE);
  CHECK(delighted_importer::meaning_of("").role == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("delighted: --map wins over survey_type, a customer id property over the e-mail") {
  auto r = run_ok(sample(), {{"map", "rating=score"}});
  CHECK(r.role_of("score") == REBUY_ROLE_RATING);
  CHECK(r.records.at(0).role(REBUY_ROLE_RATING) == "10");
  CHECK(!r.records.at(0).role(REBUY_ROLE_NPS));
  r = run_ok("id,email,survey_type,score,Customer ID\n1,a@x.com,nps,9,C-17\n");
  CHECK(r.role_of("Customer ID") == REBUY_ROLE_CUSTOMER);
  CHECK(r.role_of("email") == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("delighted: without survey_type the score is kept until mapped") {
  auto r = run_ok("id,score,comment,permalink\n1,9,x,https://app.delighted.com/r/abc\n");
  CHECK(r.role_of("score") == REBUY_ROLE_ATTRIBUTE);
  r = run_ok("id,score,comment,permalink\n1,9,x,https://app.delighted.com/r/abc\n",
             {{"map", "nps=score"}});
  CHECK(r.records.at(0).role(REBUY_ROLE_NPS) == "9");
}

TEST_CASE("delighted: line ends, ragged rows, a header without score") {
  csv_test::check_same_rows_whatever_line_ends(sample());
  auto r = run_ok("id,survey_type,score\n1,nps,9\n2,nps\n3,nps,7,extra\n");
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason == "expected 3 fields, found 2");
  auto bad = csv_test::run("id,comment\n1,x\n");
  CHECK(bad.status == REBUY_ERROR);
  CHECK(bad.error.find("no \"score\" column") != std::string::npos);
}

TEST_CASE("probe: Delighted, and 0 on the others") {
  CHECK(probe(sample()) == 85);
  CHECK(probe("id,score,permalink\n1,9,https://app.delighted.com/r/abc\n") == 85);
  CHECK(probe("id,score,permalink\n1,9,https://example.com/r/abc\n") == 0);
  CHECK(probe("id,score,comment\n1,9,x\n") == 0); // any scored CSV: the csv plugin's
  CHECK(probe("") == 0);
  importer_checks::check_claims_nothing_foreign();
}
