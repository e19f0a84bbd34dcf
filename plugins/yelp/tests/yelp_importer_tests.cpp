// The yelp importer on small files written after the documented layouts.
#include <rebuy/importer_testing.hpp>

#include <doctest/doctest.h>

using namespace rebuy::testing;

namespace {

std::string fixture(const std::string &name) {
  std::string text = read_file(std::string(REBUY_TEST_DATA_DIR) + "/" + name);
  REQUIRE(!text.empty());
  return text;
}

result import(const std::string &text, const option_list &options = {},
              std::vector<size_t> pattern = {}) {
  auto r = run(text, options, std::move(pattern));
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  return r;
}

} // namespace

TEST_CASE("yelp current layout: review_id is the id, business the product, stars of 5") {
  auto r = import(fixture("current.json"));
  CHECK(r.source == "yelp");
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  REQUIRE(r.records.size() == 2);
  const auto &first = r.records[0];
  CHECK(first.role(REBUY_ROLE_ID) == "KU_TESTcurrent000001a");
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "mh_TESTuser000000001a");
  CHECK(first.role(REBUY_ROLE_PRODUCT) == "XQ_TESTbiz0000000001a");
  CHECK(first.role(REBUY_ROLE_RATING) == "3.0");
  CHECK(first.role(REBUY_ROLE_RATING_MAX) == "5");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2018-07-07 22:09:11");
  CHECK(first.role(REBUY_ROLE_TEXT) ==
        "Long wait.\n\nThe food is good, but it takes a very long time to come out.");
  CHECK(first.get("useful") == "0");
  CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "Best spin class in town \xE2\x80\x94 I'll be back!");
  CHECK(r.role_of("review_id") == REBUY_ROLE_ID);
  CHECK(r.role_of("cool") == REBUY_ROLE_ATTRIBUTE);
}

TEST_CASE("yelp legacy layout: votes flattened, integer stars, dates, a tip skipped") {
  auto r = import(fixture("legacy.json"));
  REQUIRE(r.records.size() == 2);
  const auto &first = r.records[0];
  CHECK(first.role(REBUY_ROLE_ID) == "15SdjuK7DmYqUAj6rjGowg");
  CHECK(first.role(REBUY_ROLE_RATING) == "5");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "2007-05-17");
  CHECK(first.get("votes.useful") == "2");
  CHECK(first.get("votes.cool") == "1");
  CHECK(first.get("type") == "review");
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].line == 3);
  CHECK(r.skips[0].reason == "type \"tip\" is not a review");
  CHECK(r.rejects.empty());
}

TEST_CASE("yelp: a JSON array with CRLF line ends, read in any chunks") {
  for (const auto &pattern : chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = import(fixture("crlf_array.json"), {}, pattern);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].line == 2);
    CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "Line one.\r\nLine two."); // escaped: kept
    CHECK(r.records[1].role(REBUY_ROLE_ID) == "CRLFreview0000000002");
    CHECK(r.records[1].role(REBUY_ROLE_SUBMITTED_AT) == "2019-01-02 11:30:00");
    CHECK(r.rejects.empty());
    CHECK(r.skips.empty());
    CHECK(r.log.empty());
  }
}

TEST_CASE("yelp: JSON lines with CRLF line ends, escaped line breaks and non-Latin text") {
  // As the Open Dataset's files come: the file's own CRLF ends no text, the
  // escaped ones in a text are kept.
  for (const auto &pattern : chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = import(fixture("crlf_lines.json"), {}, pattern);
    REQUIRE(r.records.size() == 4);
    CHECK(r.rejects.empty());
    CHECK(r.skips.empty());
    CHECK(r.records[0].line == 1);
    CHECK(r.records[0].role(REBUY_ROLE_TEXT) ==
          "Rich broth, thin noodles.\n\nThe wait was long but worth it.");
    CHECK(r.records[1].role(REBUY_ROLE_TEXT) == "とても美味しかった。また来ます！");
    CHECK(r.records[2].role(REBUY_ROLE_TEXT) ==
          "Café crème was cold.\r\nAsked twice for a new one.");
    CHECK(r.records[3].role(REBUY_ROLE_TEXT) ==
          "Crêpes très bonnes, service lent. 店員さんは親切でした。");
    size_t with_cr = 0;
    for (const auto &rec : r.records)
      with_cr += rec.role(REBUY_ROLE_TEXT)->find('\r') != std::string::npos;
    CHECK(with_cr == 1);
    CHECK(r.records[3].line == 4);
    CHECK(r.records[3].role(REBUY_ROLE_RATING) == "3.0");
  }
}

TEST_CASE("yelp: missing keys are left out, broken lines and a cut-off end are one reject each") {
  std::string text = fixture("current.json");
  std::string no_text = R"({"review_id":"r3","business_id":"b","stars":2.0})";
  std::string cut = text.substr(0, text.find('\n') + 1) + no_text + "\nnot json\n\n" +
                    text.substr(text.find('\n') + 1, 100); // a truncated .gz ends like this
  auto r = import(cut);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "r3");
  CHECK(!r.records[1].role(REBUY_ROLE_TEXT));
  CHECK(!r.records[1].role(REBUY_ROLE_CUSTOMER));
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.rejects[0].reason.rfind("invalid JSON at byte ", 0) == 0);
  CHECK(r.rejects[0].raw == "not json");
  CHECK(r.rejects[1].line == 5);
  CHECK(r.rejects[1].reason.find("cut off") != std::string::npos);
  REQUIRE(r.skips.size() == 1);
  CHECK(r.skips[0].reason == "blank line");
  CHECK(r.rows() == 5);
}

TEST_CASE("yelp: an array cut off mid-record keeps the complete records") {
  std::string text = fixture("crlf_array.json");
  auto r = import(text.substr(0, text.find("Never")));
  CHECK(r.records.size() == 1);
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 3);
  CHECK(r.logged("the JSON array never closes"));
}

TEST_CASE("yelp probe: its layouts score high, anything else 0") {
  for (const char *name :
       {"current.json", "legacy.json", "crlf_array.json", "crlf_lines.json", "check_sample.json"}) {
    CAPTURE(name);
    CHECK(probe(fixture(name)) == 90);
  }
  CHECK(probe(R"({"review_id":"x","business_id":"y","stars":5,"text":")" +
              std::string(70000, 'a')) == 60);
  // Amazon's layouts, Yelp's other files, CSV and nothing
  CHECK(probe(R"({"reviewerID":"A1","asin":"B1","overall":5.0,"unixReviewTime":1})") == 0);
  CHECK(
      probe(
          R"({"rating":5.0,"title":"t","text":"x","asin":"B1","parent_asin":"B1","user_id":"U","timestamp":1588687728923,"helpful_vote":0})") ==
      0);
  CHECK(probe(R"({"business_id":"b","name":"Garaje","stars":4.5,"review_count":1198})") == 0);
  CHECK(probe(R"({"user_id":"u","text":"tip","business_id":"b","compliment_count":0})") == 0);
  CHECK(probe("review_id,business_id,stars\nr1,b1,5\n", "reviews.csv") == 0);
  CHECK(probe("") == 0);
}
