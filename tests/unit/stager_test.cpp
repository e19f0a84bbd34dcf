// Staging: role values validated, keys that make re-imports idempotent.
#include "pipeline/stager.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace rebuy::core;

namespace {

rebuy_str s(const char *text) { return {text, std::char_traits<char>::length(text)}; }

struct one_batch {
  std::vector<std::vector<rebuy_field>> fields;
  std::vector<rebuy_record> records;
  rebuy_batch batch{};
  void add(uint64_t line, std::vector<rebuy_field> f) {
    fields.push_back(std::move(f));
    records.clear();
    for (size_t i = 0; i < fields.size(); ++i)
      records.push_back({i + 2, REBUY_RECORD_SURVEY, fields[i].data(), fields[i].size()});
    records.back().line = line;
    batch = {sizeof(rebuy_batch), records.data(), records.size(), nullptr, 0, nullptr, 0};
  }
};

} // namespace

TEST_CASE("stager: nps answers parse only as whole numbers 0-10") {
  CHECK(parse_nps_answer("9") == 9);
  CHECK(parse_nps_answer(" 10 ") == 10);
  CHECK(parse_nps_answer("0") == 0);
  CHECK(parse_nps_answer("10.0") == 10);
  CHECK(parse_nps_answer("10 - Extremely likely") == 10);
  CHECK_FALSE(parse_nps_answer("11"));
  CHECK_FALSE(parse_nps_answer("7.5"));
  CHECK_FALSE(parse_nps_answer("-1"));
  CHECK_FALSE(parse_nps_answer("nine"));
  CHECK_FALSE(parse_nps_answer(""));
  CHECK_FALSE(parse_nps_answer("9x"));
}

TEST_CASE("stager: numbers accept thousands commas and refuse junk") {
  CHECK(parse_number("1,234") == 1234.0);
  CHECK(parse_number(" 4.5 ") == 4.5);
  CHECK_FALSE(parse_number("4 stars"));
  CHECK_FALSE(parse_number("inf"));
}

TEST_CASE("stager: an out-of-range nps is refused for its role and kept as an attribute") {
  one_batch in;
  in.add(5, {{REBUY_ROLE_NPS, s("How likely"), s("11")}, {REBUY_ROLE_TEXT, s("c"), s("hi")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  REQUIRE(out.responses().size() == 1);
  CHECK_FALSE(out.responses()[0].nps);
  REQUIRE(out.value_rejects.size() == 1);
  CHECK(out.value_rejects[0].line == 5);
  CHECK(out.value_rejects[0].reason.find("How likely") != std::string::npos);
  CHECK(out.responses()[0].attributes.find("\"How likely\":\"11\"") != std::string::npos);
}

TEST_CASE("stager: a rating above its scale is refused, never read on a second scale") {
  one_batch in;
  // no maximum given: the rating is on 1-5, as analyzers read it
  in.add(2, {{REBUY_ROLE_RATING, s("stars"), s("9")}});
  // a maximum after the rating, as an importer appends it
  in.add(3,
         {{REBUY_ROLE_RATING, s("score"), s("9")}, {REBUY_ROLE_RATING_MAX, s("(scale)"), s("10")}});
  in.add(4, {{REBUY_ROLE_RATING, s("score"), s("11")},
             {REBUY_ROLE_RATING_MAX, s("(scale)"), s("10")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  REQUIRE(out.responses().size() == 3);
  CHECK_FALSE(out.responses()[0].rating);
  CHECK(out.responses()[1].rating == 9.0);
  CHECK_FALSE(out.responses()[2].rating);
  REQUIRE(out.value_rejects.size() == 2);
  CHECK(out.value_rejects[0].reason == "stars: '9' is outside the rating's scale (0 to 5)");
  CHECK(out.value_rejects[1].reason == "score: '11' is outside the rating's scale (0 to 10)");
  // the value stays in the response, as an attribute
  CHECK(out.responses()[0].attributes.find("\"stars\":\"9\"") != std::string::npos);
}

TEST_CASE("stager: rows with an id are keyed by it, others by content and occurrence") {
  one_batch in;
  in.add(2, {{REBUY_ROLE_ID, s("id"), s(" R_1 ")}, {REBUY_ROLE_NPS, s("q"), s("9")}});
  in.add(3, {{REBUY_ROLE_NPS, s("q"), s("9")}});
  in.add(4, {{REBUY_ROLE_NPS, s("q"), s("9")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  REQUIRE(out.responses().size() == 3);
  CHECK(out.responses()[0].key == "R_1");
  CHECK(out.responses()[1].key.rfind("h:", 0) == 0);
  CHECK(out.responses()[2].key == out.responses()[1].key + "#2");
  // The line is not content: the same row elsewhere in a newer export matches.
  stager again;
  staged_batch out2;
  one_batch moved;
  moved.add(40, {{REBUY_ROLE_NPS, s("q"), s("9")}});
  again.stage(moved.batch, out2);
  CHECK(out2.responses()[0].key == out.responses()[1].key);
}

TEST_CASE("stager: several text columns are joined and timestamps normalised") {
  one_batch in;
  in.add(2, {{REBUY_ROLE_TEXT, s("a"), s("First.")},
             {REBUY_ROLE_TEXT, s("b"), s("Second.")},
             {REBUY_ROLE_SUBMITTED_AT, s("when"), s("2024-03-01 10:00:00+02:00")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  CHECK(out.responses()[0].roles[REBUY_ROLE_TEXT] == "First.\n\nSecond.");
  CHECK(out.responses()[0].submitted_at == "2024-03-01T08:00:00Z");
  CHECK(out.responses()[0].roles[REBUY_ROLE_SUBMITTED_AT] == "2024-03-01 10:00:00+02:00");
}

TEST_CASE("stager: invalid UTF-8 from a plugin is repaired, never stored raw") {
  one_batch in;
  in.add(2, {{REBUY_ROLE_TEXT, s("t"), s("bad \xff byte")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  CHECK(out.responses()[0].roles[REBUY_ROLE_TEXT] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("stager: the date note says which order and how many dates decided it") {
  one_batch in;
  in.add(2, {{REBUY_ROLE_SUBMITTED_AT, s("when"), s("05/06/2024")}});
  in.add(3, {{REBUY_ROLE_SUBMITTED_AT, s("when"), s("05/13/2024")}});
  in.add(4, {{REBUY_ROLE_SUBMITTED_AT, s("when"), s("12/31/2024")}});
  in.add(5, {{REBUY_ROLE_SUBMITTED_AT, s("when"), s("31/12/2024")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  CHECK(st.date_note() == "dates read month first: 2 dates can only be read that way (the first "
                          "on line 3); 1 other can only be read day first and is refused");
  CHECK(out.responses()[0].submitted_at == "2024-05-06T00:00:00Z");
  REQUIRE(out.value_rejects.size() == 1);
  CHECK(out.value_rejects[0].line == 5);
}

TEST_CASE("stager: a relative date is kept as written, undated, with the reason") {
  one_batch in;
  in.add(2, {{REBUY_ROLE_SUBMITTED_AT, s("date"), s("3 days ago")}});
  in.add(3, {{REBUY_ROLE_SUBMITTED_AT, s("date"), s("7. Januar 2026")}});
  in.add(4, {{REBUY_ROLE_SUBMITTED_AT, s("date"), s("hace 2 semanas")}});
  in.add(5, {{REBUY_ROLE_SUBMITTED_AT, s("date"), s("someday")}});
  stager st;
  staged_batch out;
  st.stage(in.batch, out);
  REQUIRE(out.responses().size() == 4);
  CHECK(out.responses()[0].submitted_at.empty());
  CHECK(out.responses()[0].roles[REBUY_ROLE_SUBMITTED_AT] == "3 days ago");
  CHECK(out.responses()[1].submitted_at == "2026-01-07T00:00:00Z");
  REQUIRE(out.value_rejects.size() == 3);
  CHECK(out.value_rejects[0].reason == "date: '3 days ago' is a relative date: kept as written, "
                                       "not turned into a date; the response counts as undated");
  CHECK(out.value_rejects[0].raw == "3 days ago");
  CHECK(out.value_rejects[1].line == 4);
  CHECK(out.value_rejects[2].reason == "date: 'someday' is not a date rebuy can read");
  CHECK(st.relative_date_note() ==
        "2 relative dates kept as written, not turned into dates (the first: '3 days ago', line "
        "2): their responses count as undated");
}
