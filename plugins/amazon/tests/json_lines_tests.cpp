// rebuy/json_lines.hpp: how a stream of JSON objects becomes rows, and how
// broken, cut-off and hostile input stays one reject per line.
#include <rebuy/importer_testing.hpp>

#include <rebuy/json_lines.hpp>

#include <doctest/doctest.h>

#include <algorithm>

namespace {

struct row {
  rebuy::json_row::kind what;
  uint64_t line;
  std::string reason, raw, object; // object: the parsed object as compact JSON
};

struct rows_result {
  std::vector<row> rows;
  bool array_unclosed = false;
  std::string error; // what next() threw
};

rows_result rows_of(std::string text, std::vector<size_t> pattern = {},
                    rebuy::line_reader::limits limits = {}) {
  rebuy::testing::chunked_input in(std::move(text), std::move(pattern));
  rebuy::json_lines_reader reader{rebuy::input(in.get()), limits};
  rows_result out;
  rebuy::json_row r;
  std::string scratch;
  try {
    while (reader.next(r)) {
      std::string object;
      if (r.what == rebuy::json_row::kind::object)
        object = std::string(rebuy::json_value_text(reader.object(), scratch));
      out.rows.push_back({r.what, r.line, r.reason, std::string(r.raw), object});
    }
  } catch (const rebuy::error &e) {
    out.error = e.what();
  }
  out.array_unclosed = reader.array_unclosed();
  return out;
}

using kind = rebuy::json_row::kind;

} // namespace

TEST_CASE("json lines: one object per line, blank lines skipped visibly") {
  for (const auto &pattern : rebuy::testing::chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = rows_of("{\"a\":1}\n\n  {\"a\":2}  \r\n", pattern);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].object == "{\"a\":1}");
    CHECK(r.rows[1].what == kind::skip);
    CHECK(r.rows[1].reason == "blank line");
    CHECK(r.rows[1].line == 2);
    CHECK(r.rows[2].object == "{\"a\":2}");
    CHECK(r.rows[2].line == 3);
    CHECK(!r.array_unclosed);
  }
}

TEST_CASE("json lines: an array written one object per line gives the same rows") {
  auto r = rows_of("[\n{\"a\":1},\n{\"a\":2}\n]\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].line == 2);
  CHECK(r.rows[1].line == 3);
  CHECK(r.rows[1].object == "{\"a\":2}");
  CHECK(!r.array_unclosed);
  // "[" on the first record's line, several objects on one line, "]" after the last
  auto same_line = rows_of("[{\"a\":1}, {\"a\":2},\n{\"a\":3}]");
  REQUIRE(same_line.rows.size() == 3);
  CHECK(same_line.rows[1].line == 1);
  CHECK(same_line.rows[2].line == 2);
}

TEST_CASE("json lines: each broken line is one reject with its line and reason") {
  auto r = rows_of("{\"a\":1}\n{\"a\":\n[1,2]\n\"text\"\n{\"a\":1} {\"b\":2}\n{bad}\n{\"a\":3}\n");
  REQUIRE(r.rows.size() == 7);
  CHECK(r.rows[1].what == kind::reject);
  CHECK(r.rows[1].line == 2);
  CHECK(r.rows[1].reason.rfind("JSON cut off at the end of the line", 0) == 0);
  CHECK(r.rows[1].raw == "{\"a\":");
  CHECK(r.rows[2].reason == "not a JSON object but an array");
  CHECK(r.rows[3].reason == "not a JSON object but a string");
  CHECK(r.rows[4].reason == "text after the JSON object at byte 9");
  CHECK(r.rows[5].reason.rfind("invalid JSON at byte 2: ", 0) == 0);
  CHECK(r.rows[6].what == kind::object);
  CHECK(r.rows[6].line == 7);
}

TEST_CASE("json lines: an array cut off mid-record keeps the records before it, one reject") {
  for (const auto &pattern : rebuy::testing::chunk_patterns()) {
    CAPTURE(pattern.size());
    auto r = rows_of("[\n{\"a\":1},\n{\"a\":2},\n{\"a\":3,\"text\":\"cut of", pattern);
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].what == kind::object);
    CHECK(r.rows[1].what == kind::object);
    CHECK(r.rows[2].what == kind::reject);
    CHECK(r.rows[2].line == 4);
    CHECK(r.array_unclosed);
  }
  // cut right after a complete record: nothing to reject, but the array never closed
  auto clean_cut = rows_of("[\n{\"a\":1},\n");
  CHECK(clean_cut.rows.size() == 1);
  CHECK(clean_cut.array_unclosed);
}

TEST_CASE("json lines: text after the array's end is rejected") {
  auto r = rows_of("[\n{\"a\":1}\n]\n{\"a\":2}\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1].reason == "text after the end of the JSON array");
  CHECK(r.rows[1].line == 4);
}

TEST_CASE("json lines: deep nesting is rejected, not recursed into") {
  std::string deep = "{\"a\":" + std::string(200000, '[') + std::string(200000, ']') + "}";
  std::string edge = "{\"a\":" + std::string(63, '[') + std::string(63, ']') + "}"; // 64 levels
  // brackets inside strings do not count
  std::string in_string = "{\"a\":\"" + std::string(500, '[') + "\"}";
  auto r = rows_of(deep + "\n" + edge + "\n" + in_string + "\n{\"b\":1}\n");
  REQUIRE(r.rows.size() == 4);
  CHECK(r.rows[0].what == kind::reject);
  CHECK(r.rows[0].reason == "JSON nested deeper than 64 levels");
  CHECK(r.rows[1].what == kind::object);
  CHECK(r.rows[2].what == kind::object);
  CHECK(r.rows[3].what == kind::object);
}

TEST_CASE("json lines: an array closed after a record nested too deep is not called unclosed") {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  // The whole file one array nested too deep, and a deep record that ends the array.
  for (const auto &text : {"[" + deep + "]\n", "[\n{\"a\":1},\n" + deep + "]  \n\n"}) {
    auto r = rows_of(text);
    CHECK(std::count_if(r.rows.begin(), r.rows.end(), [](const row &x) {
            return x.reason == "JSON nested deeper than 64 levels";
          }) == 1);
    CHECK(!r.array_unclosed);
  }
  // Cut off inside the deep record, the array is unclosed.
  CHECK(rows_of("[\n{\"a\":1},\n" + std::string(100, '[')).array_unclosed);
}

TEST_CASE("json lines: a line over the limit is rejected with a prefix, the next line reads") {
  rebuy::line_reader::limits limits;
  limits.max_line_bytes = 1000;
  limits.chunk_bytes = 64;
  std::string huge = "{\"a\":\"" + std::string(5000, 'x') + "\"}";
  auto r = rows_of(huge + "\n{\"b\":1}\n", {}, limits);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].reason == "line longer than 1000 bytes");
  CHECK(r.rows[0].raw.size() >= 1000); // what was buffered when it proved too long
  CHECK(huge.compare(0, r.rows[0].raw.size(), r.rows[0].raw) == 0);
  CHECK(r.rows[1].object == "{\"b\":1}");
}

TEST_CASE("json lines: NUL bytes and invalid UTF-8") {
  // an escaped NUL is data; a raw one inside a string is invalid JSON
  auto r =
      rows_of(std::string("{\"a\":\"x\\u0000y\"}\n{\"a\":\"x\0y\"}\n{\"a\":\"\xFF\xFE\"}\n", 40));
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0].object == std::string("{\"a\":\"x\\u0000y\"}"));
  CHECK(r.rows[1].what == kind::reject);
  CHECK(r.rows[2].what == kind::object); // passed on; the host repairs the bytes
}

TEST_CASE("json lines: pretty-printed JSON is refused with a way out, not rejected line by line") {
  auto r = rows_of("[\n  {\n    \"a\": 1\n  }\n]\n");
  CHECK(r.rows.empty());
  CHECK(r.error.find("line 2: JSON objects span several lines") == 0);
  CHECK(r.error.find("jq -c") != std::string::npos);
  auto jq_default = rows_of("{ \n  \"a\": 1\n}\n"); // JSON lines pretty-printed by jq
  CHECK(jq_default.error.find("line 1: JSON objects span several lines") == 0);
  // a lone "{" after records is only a broken line
  auto late = rows_of("{\"a\":1}\n{\n");
  CHECK(late.error.empty());
  REQUIRE(late.rows.size() == 2);
  CHECK(late.rows[1].what == kind::reject);
}

TEST_CASE("json lines: parse_first reads a probe's head that ends anywhere") {
  rapidjson::Document doc;
  CHECK(rebuy::json_lines_reader::parse_first("{\"a\":1}\n{\"a\":", doc));
  CHECK(rebuy::json_lines_reader::parse_first("\xEF\xBB\xBF[\n{\"a\":1},\n", doc));
  CHECK(!rebuy::json_lines_reader::parse_first("{\"a\":1", doc));
  CHECK(!rebuy::json_lines_reader::parse_first("a,b\n1,2\n", doc));
  CHECK(!rebuy::json_lines_reader::parse_first("[1,2]", doc));
}

TEST_CASE("json lines: numbers are read exactly, a zero with a large exponent too") {
  // RapidJSON 1.1.0's full-precision path turned 0e44 into garbage (fuzzing found it).
  auto r = rows_of("{\"a\":0e44,\"b\":-0.00E-30,\"c\":0e3,\"d\":1.5e3,\"e\":0.1,"
                   "\"f\":12345678901234567890,\"g\":-7,\"h\":2.2250738585072011e-308,"
                   "\"i\":123456789012345678901234,\"j\":1e-400,\"k\":-0}\n"
                   "{\"x\":1e400}\n");
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[0].object == "{\"a\":0.0,\"b\":-0.0,\"c\":0.0,\"d\":1500.0,\"e\":0.1,"
                            "\"f\":12345678901234567890,\"g\":-7,\"h\":2.225073858507201e-308,"
                            "\"i\":1.2345678901234569e23,\"j\":0.0,\"k\":0}");
  CHECK(r.rows[1].what == rebuy::json_row::kind::reject);
  CHECK(r.rows[1].reason == "invalid JSON at byte 6: Number too big to be stored in double.");
}
