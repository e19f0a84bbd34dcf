// The amazon importer on small files written after the documented layouts.
#include <rebuy/importer_testing.hpp>

#include <doctest/doctest.h>

using namespace rebuy::testing;

namespace {

std::string fixture(const std::string &name) {
  std::string text = read_file(std::string(REBUY_TEST_DATA_DIR) + "/" + name);
  REQUIRE(!text.empty());
  return text;
}

result import(const std::string &text, const option_list &options = {}) {
  auto r = run(text, options);
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  return r;
}

} // namespace

TEST_CASE("amazon 2014: roles, helpful as JSON, reviewTime kept, a missing text left out") {
  auto r = import(fixture("layout_2014.json"));
  CHECK(r.source == "amazon");
  CHECK(r.kind == REBUY_RECORD_REVIEW);
  REQUIRE(r.records.size() == 2);
  const auto &first = r.records[0];
  CHECK(first.kind == REBUY_RECORD_REVIEW);
  CHECK(first.role(REBUY_ROLE_ID) == "A2SUAM1J3GNN3B/0000013714/1252800000");
  CHECK(first.role(REBUY_ROLE_CUSTOMER) == "A2SUAM1J3GNN3B");
  CHECK(first.role(REBUY_ROLE_PRODUCT) == "0000013714");
  CHECK(first.role(REBUY_ROLE_RATING) == "5.0");
  CHECK(first.role(REBUY_ROLE_RATING_MAX) == "5");
  CHECK(first.role(REBUY_ROLE_TITLE) == "Heavenly hymns");
  CHECK(first.role(REBUY_ROLE_TEXT) == "Bought it for my husband, he plays from it every Sunday.");
  CHECK(first.role(REBUY_ROLE_SUBMITTED_AT) == "1252800000"); // raw: the host normalises
  CHECK(first.get("reviewTime") == "09 13, 2009");
  CHECK(first.get("helpful") == "[2,3]");
  CHECK(first.get("reviewerName") == "J. McDonald");
  CHECK(!r.records[1].role(REBUY_ROLE_TEXT));
  CHECK(!r.records[1].get("reviewerName"));
  CHECK(r.role_of("reviewText") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("reviewTime") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("reviewerID/asin/unixReviewTime/style") == REBUY_ROLE_ID);
}

TEST_CASE("amazon 2018: vote as written, style one attribute per dimension, image as JSON") {
  auto r = import(fixture("layout_2018.json"));
  REQUIRE(r.records.size() == 2);
  const auto &first = r.records[0];
  CHECK(first.get("vote") == "1,234");
  CHECK(first.get("verified") == "true");
  CHECK(first.get("style.Format:") == " Paperback");
  CHECK(first.get("image") ==
        R"(["https://images.example/I/71a.jpg","https://images.example/I/71b.jpg"])");
  CHECK(first.role(REBUY_ROLE_ID) ==
        R"(A1V6B6TNIC10QE/0143026860/1407110400/{"Format:":" Paperback"})");
  CHECK(r.records[1].role(REBUY_ROLE_ID) == "A2IJ9UZ2YCLC9L/0143026860/1455840000");
  CHECK(!r.records[1].get("vote"));
  CHECK(r.role_of("style.Format:") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.role_of("(fixed: 5)") == REBUY_ROLE_RATING_MAX);
}

TEST_CASE("amazon 2023: parent_asin is the product, timestamp in ms passed raw") {
  auto r = import(fixture("layout_2023.jsonl"));
  REQUIRE(r.records.size() == 2);
  const auto &second = r.records[1];
  CHECK(second.role(REBUY_ROLE_CUSTOMER) == "AGXVBIUFLFGMVLATYXHJYL4A5Q7Q");
  CHECK(second.role(REBUY_ROLE_PRODUCT) == "B08BBQ29N5");
  CHECK(second.get("asin") == "B081TJ8YS3");
  CHECK(second.role(REBUY_ROLE_RATING) == "3.0");
  CHECK(second.role(REBUY_ROLE_RATING_MAX) == "5");
  CHECK(second.role(REBUY_ROLE_TITLE) == "Smells fine");
  CHECK(second.role(REBUY_ROLE_TEXT) == "Bottle arrived dented.");
  CHECK(second.role(REBUY_ROLE_SUBMITTED_AT) == "1604271006242");
  CHECK(second.role(REBUY_ROLE_ID) == "AGXVBIUFLFGMVLATYXHJYL4A5Q7Q/B081TJ8YS3/1604271006242");
  CHECK(second.get("helpful_vote") == "12");
  CHECK(second.get("images")->find("\"large_image_url\"") != std::string::npos);
  CHECK(!r.records[0].get("images")); // [] is left out, like an empty cell
}

TEST_CASE("amazon: a JSON array gives what JSON lines give, line numbers included") {
  auto array = import(fixture("array_2018.json"));
  std::string lines_text = fixture("array_2018.json");
  // the same records as JSON lines: drop "[", "]" and the commas at line ends
  std::string jsonl;
  for (size_t pos = 0; pos < lines_text.size();) {
    size_t end = lines_text.find('\n', pos);
    std::string line = lines_text.substr(pos, end - pos);
    pos = end + 1;
    if (line == "[" || line == "]") continue;
    if (line.back() == ',') line.pop_back();
    jsonl += line + "\n";
  }
  auto lines = import(jsonl);
  REQUIRE(array.records.size() == 3);
  REQUIRE(lines.records.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(array.records[i].line == i + 2);
    CHECK(lines.records[i].line == i + 1);
    REQUIRE(array.records[i].fields.size() == lines.records[i].fields.size());
    for (size_t f = 0; f < lines.records[i].fields.size(); ++f)
      CHECK(array.records[i].fields[f].value == lines.records[i].fields[f].value);
  }
  CHECK(array.rejects.empty());
  CHECK(array.skips.empty());
}

TEST_CASE("amazon: CRLF line ends, escaped newlines in text, a blank line skipped") {
  for (const auto &pattern : chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = run(fixture("crlf_2014.json"), {}, pattern);
    REQUIRE(r.records.size() == 2);
    CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "Line one.\nLine two.");
    CHECK(r.records[1].role(REBUY_ROLE_ID) == "A1CRLF000002/B0CRLF/1441411200");
    CHECK(r.records[1].line == 3);
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].line == 2);
    CHECK(r.skips[0].reason == "blank line");
  }
}

TEST_CASE("amazon: the key is stable, distinct per variant, and escapes its separator") {
  std::string a =
      R"({"reviewerID":"R1","asin":"P1","overall":5.0,"unixReviewTime":1,"style":{"Size:":" M","Color:":" Red"}})";
  std::string same_reordered =
      R"({"overall":5.0,"style":{"Color:":" Red","Size:":" M"},"asin":"P1","unixReviewTime":1,"reviewerID":"R1"})";
  std::string other_colour =
      R"({"reviewerID":"R1","asin":"P1","overall":5.0,"unixReviewTime":1,"style":{"Size:":" M","Color:":" Blue"}})";
  std::string slashes = R"({"reviewerID":"R1/P1","asin":"1%","overall":5.0})";
  std::string no_reviewer = R"({"asin":"P1","overall":5.0,"summary":"who?"})";
  auto r = import(a + "\n" + same_reordered + "\n" + other_colour + "\n" + slashes + "\n" +
                  no_reviewer + "\n");
  REQUIRE(r.records.size() == 5);
  CHECK(r.records[0].role(REBUY_ROLE_ID) == r.records[1].role(REBUY_ROLE_ID));
  CHECK(r.records[0].role(REBUY_ROLE_ID) != r.records[2].role(REBUY_ROLE_ID));
  CHECK(r.records[3].role(REBUY_ROLE_ID) == "R1%2FP1/1%25/");
  CHECK(!r.records[4].role(REBUY_ROLE_ID)); // no key: the host keys it by its content
}

TEST_CASE("amazon: broken lines are one reject each, everything else imports") {
  std::string good = R"({"reviewerID":"R1","asin":"P1","overall":4.0,"unixReviewTime":1441324800})";
  auto r = import(
      good +
      "\n{\"reviewerID\":\"R2\",\"asin\n[]\n{}\n{\"reviewerID\":null,\"reviewText\":\"\"}\n" +
      good + "\n");
  CHECK(r.records.size() == 2);
  REQUIRE(r.rejects.size() == 2);
  CHECK(r.rejects[0].line == 2);
  CHECK(r.rejects[0].raw == "{\"reviewerID\":\"R2\",\"asin");
  CHECK(r.rejects[1].reason == "not a JSON object but an array");
  REQUIRE(r.skips.size() == 2); // objects without a single value
  CHECK(r.skips[0].reason == "no key with a value");
  CHECK(r.skips[1].line == 5);
  CHECK(r.rows() == 6);
}

TEST_CASE(
    "amazon: an array cut off mid-record stores the records before it, one reject, a warning") {
  std::string text = fixture("array_2018.json");
  std::string cut = text.substr(0, text.find("\"summary\": \"Again\""));
  for (const auto &pattern : chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = run(cut, {}, pattern);
    REQUIRE(r.status == REBUY_OK);
    CHECK(r.records.size() == 2);
    REQUIRE(r.rejects.size() == 1);
    CHECK(r.rejects[0].line == 4);
    CHECK(r.rejects[0].reason.find("cut off") != std::string::npos);
    CHECK(r.logged("the JSON array never closes"));
  }
}

TEST_CASE("amazon: map and attribute override roles, an unknown role is an error") {
  std::string line =
      R"({"reviewerID":"R1","asin":"P1","overall":4.0,"reviewerName":"Ann","summary":"Fine"})";
  auto r = import(line + "\n", {{"map", "customer=reviewerName"},
                                {"attribute", "summary"},
                                {"map", "id=asin"},
                                {"map", "text=nothere"}});
  REQUIRE(r.records.size() == 1);
  const auto &rec = r.records[0];
  CHECK(rec.role(REBUY_ROLE_CUSTOMER) == "Ann");
  size_t customers = 0;
  for (const auto &f : rec.fields)
    customers += f.role == REBUY_ROLE_CUSTOMER;
  CHECK(customers == 1);                  // reviewerID lost the role it had by default
  CHECK(rec.role(REBUY_ROLE_ID) == "P1"); // the user's id replaces the made one
  CHECK(!rec.role(REBUY_ROLE_PRODUCT));   // asin left its default role for id
  CHECK(!rec.role(REBUY_ROLE_TITLE));
  CHECK(rec.get("summary") == "Fine");
  CHECK(r.role_of("reviewerName") == REBUY_ROLE_CUSTOMER);
  CHECK(r.logged("no record has the key \"nothere\""));

  auto bad = run(line, {{"map", "stars=overall"}});
  CHECK(bad.status == REBUY_ERROR);
  CHECK(bad.error.find("map must be ROLE=KEY") != std::string::npos);
}

TEST_CASE("amazon: pretty-printed JSON fails the import with a way out") {
  auto r = run("[\n  {\n    \"reviewerID\": \"R1\",\n    \"asin\": \"P1\"\n  }\n]\n");
  CHECK(r.status == REBUY_ERROR);
  CHECK(r.error.find("pretty-printed") != std::string::npos);
  CHECK(r.records.empty());
}

TEST_CASE("amazon: every row accounted for, in any batch size") {
  std::string text = fixture("layout_2014.json") + "\n" + fixture("layout_2018.json") + "oops\n";
  for (size_t batch : {1, 2, 3, 1000}) {
    auto r = run(text, {}, {}, batch);
    REQUIRE(r.status == REBUY_OK);
    CHECK(r.records.size() == 4);
    CHECK(r.skips.size() == 1);
    CHECK(r.rejects.size() == 1);
  }
}

TEST_CASE("amazon: hostile lines stay one reject each") {
  std::string good = R"({"reviewerID":"R1","asin":"P1","overall":4.0})";
  std::string deep = "{\"style\":" + std::string(100000, '{');
  std::string nul("{\"reviewerID\":\"R\0\"}", 19);
  auto r = import(good + "\n" + deep + "\n" + nul + "\n" + good + "\n");
  CHECK(r.records.size() == 2);
  CHECK(r.rejects.size() == 2);
}
