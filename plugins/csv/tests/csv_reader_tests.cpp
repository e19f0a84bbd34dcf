// The record reader on its own: line ends, quoting, line numbers, and every
// read() chunk size, since most reader bugs live at buffer boundaries.
#include "test_support.hpp"
#include <rebuy/csv_reader.hpp>

#include <doctest/doctest.h>

using rebuy::csv_limits;
using rebuy::csv_reader;
using rebuy::csv_record;
using rebuy::csv_status;
using rebuy::detect_delimiter;

namespace {

struct row {
  uint64_t line;
  rebuy::csv_status status;
  std::vector<std::string> fields;
  std::string raw;
  uint64_t quote_line;
};

std::vector<row> read_all(const std::string &text, std::vector<size_t> pattern = {},
                          char delimiter = ',', rebuy::csv_limits limits = {}) {
  csv_test::chunked_input in(text, std::move(pattern));
  rebuy::csv_reader reader(rebuy::input(in.get()), limits);
  reader.set_delimiter(delimiter);
  std::vector<row> rows;
  rebuy::csv_record r;
  while (reader.next(r))
    rows.push_back({r.line, r.status, std::vector<std::string>(r.fields.begin(), r.fields.end()),
                    std::string(r.raw), r.quote_line});
  return rows;
}

// Reads `text` with every chunk pattern and checks they all agree.
std::vector<row> read_every_way(const std::string &text, char delimiter = ',') {
  std::vector<row> first = read_all(text, {}, delimiter);
  for (const auto &pattern : csv_test::chunk_patterns()) {
    std::vector<row> again = read_all(text, pattern, delimiter);
    REQUIRE(again.size() == first.size());
    for (size_t i = 0; i < first.size(); ++i) {
      CHECK(again[i].line == first[i].line);
      CHECK(again[i].status == first[i].status);
      CHECK(again[i].fields == first[i].fields);
      CHECK(again[i].raw == first[i].raw);
    }
  }
  return first;
}

using strings = std::vector<std::string>;

} // namespace

TEST_CASE("reader: LF line ends") {
  auto rows = read_every_way("a,b\n1,2\n3,4\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == strings{"1", "2"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("reader: CRLF line ends") {
  auto rows = read_every_way("a,b\r\n1,2\r\n3,4\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].fields == strings{"3", "4"});
  CHECK(rows[2].line == 3);
  CHECK(rows[2].raw == "3,4");
}

TEST_CASE("reader: bare CR line ends, as old Mac Excel writes") {
  auto rows = read_every_way("a,b\r1,2\r3,4");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == strings{"1", "2"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("reader: mixed line ends in one file") {
  auto rows = read_every_way("a,b\r\n1,2\n3,4\r5,6\r\n\r7,8");
  REQUIRE(rows.size() == 6);
  CHECK(rows[3].fields == strings{"5", "6"});
  CHECK(rows[3].line == 4);
  CHECK(rows[4].status == rebuy::csv_status::blank);
  CHECK(rows[4].line == 5);
  CHECK(rows[5].fields == strings{"7", "8"});
  CHECK(rows[5].line == 6);
}

TEST_CASE("reader: a final line end is not a record, a missing one loses nothing") {
  CHECK(read_every_way("a\n1\n").size() == 2);
  CHECK(read_every_way("a\n1").size() == 2);
  CHECK(read_every_way("a\r\n1\r\n").size() == 2);
  CHECK(read_every_way("a\r1\r").size() == 2);
  CHECK(read_every_way("").empty());
}

TEST_CASE("reader: quoted fields keep delimiters, newlines and doubled quotes") {
  auto rows = read_every_way("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"line1\nline2\r\nline3\",z\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == strings{"x, y", "say \"hi\""});
  CHECK(rows[2].fields == strings{"line1\nline2\r\nline3", "z"});
  CHECK(rows[2].raw == "\"line1\nline2\r\nline3\",z");
}

TEST_CASE("reader: a record spanning lines starts where it starts, the next after it") {
  // line 2 holds a quoted CRLF, a bare CR and an LF: 3 line breaks inside
  auto rows = read_every_way("h1,h2\r\n\"a\r\nb\rc\nd\",e\r\nf,g\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].line == 2);
  CHECK(rows[2].line == 6);
}

TEST_CASE("reader: empty fields, empty quoted fields and blank lines") {
  auto rows = read_every_way("a,b,c\n,,\n\"\",x,\"\"\n\n\r\n1,2,3");
  REQUIRE(rows.size() == 6);
  CHECK(rows[1].fields == strings{"", "", ""});
  CHECK(rows[1].status == rebuy::csv_status::ok);
  CHECK(rows[2].fields == strings{"", "x", ""});
  CHECK(rows[3].status == rebuy::csv_status::blank);
  CHECK(rows[3].line == 4);
  CHECK(rows[4].status == rebuy::csv_status::blank);
  CHECK(rows[4].line == 5);
  CHECK(rows[5].line == 6);
}

TEST_CASE("reader: a quoted empty line is not blank") {
  auto rows = read_every_way("a\n\"\"\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].status == rebuy::csv_status::ok);
  CHECK(rows[1].fields == strings{""});
}

TEST_CASE("reader: stray quotes are kept literally") {
  auto rows = read_every_way("a,b\n5\" screen,x\"y\"\n\"abc\"def,g\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].fields == strings{"5\" screen", "x\"y\""});
  CHECK(rows[2].fields == strings{"abcdef", "g"});
}

TEST_CASE("reader: an unterminated quote swallows the rest of the input") {
  auto rows = read_every_way("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].status == rebuy::csv_status::unterminated_quote);
  CHECK(rows[2].line == 3);
  CHECK(rows[2].quote_line == 3);
  CHECK(rows[2].raw == "3,\"open\n4,5\n6,7\n");
}

TEST_CASE("reader: the raw text kept for rejects is capped") {
  rebuy::csv_limits limits;
  limits.max_raw_bytes = 10;
  auto rows = read_all("a\n" + std::string(100, 'x') + "\n", {3}, ',', limits);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].raw == std::string(10, 'x'));
  CHECK(rows[1].fields[0].size() == 100);
}

TEST_CASE("reader: records beyond the limits are reported and skipped past") {
  rebuy::csv_limits limits;
  limits.max_record_bytes = 50;
  limits.max_fields = 4;
  auto rows =
      read_all("a\n" + std::string(60, 'x') + "\n1,2,3,4,5\n\"" + std::string(80, 'y') + "\"\nok\n",
               {7}, ',', limits);
  REQUIRE(rows.size() == 5);
  CHECK(rows[1].status == rebuy::csv_status::too_many_bytes);
  CHECK(rows[2].status == rebuy::csv_status::too_many_fields);
  CHECK(rows[3].status == rebuy::csv_status::too_many_bytes);
  CHECK(rows[4].status == rebuy::csv_status::ok);
  CHECK(rows[4].line == 5);
}

TEST_CASE("reader: tab and semicolon delimiters") {
  auto tsv = read_every_way("a\tb\n\"x\ty\"\t2\n", '\t');
  CHECK(tsv[1].fields == strings{"x\ty", "2"});
  auto semi = read_every_way("a;b\n1,5;2\n", ';');
  CHECK(semi[1].fields == strings{"1,5", "2"});
}

TEST_CASE("reader: delimiter detection counts outside quotes on the first line only") {
  CHECK(detect_delimiter("a,b,c\n") == ',');
  CHECK(detect_delimiter("a\tb\tc\n1,2,3,4,5,6") == '\t');
  CHECK(detect_delimiter("a;b;c\r\n") == ';');
  CHECK(detect_delimiter("\"x,y,z\";b;c\n") == ';');
  CHECK(detect_delimiter("\"a;b\tc\",d\n") == ',');
  CHECK(detect_delimiter("single\n") == ',');
  CHECK(detect_delimiter("") == ',');
  CHECK(detect_delimiter("a,b;c;d") == ';');
}

TEST_CASE("reader: peek gives the same head however the input's reads are sized") {
  // It gave all it had buffered, so a delimiter guessed from a long first record could
  // depend on the read sizes (fuzz.csv_reader found it).
  const std::string text = "a;b;c\n" + std::string(100, 'x') + "\n";
  for (const auto &pattern : rebuy::testing::chunk_patterns()) {
    csv_test::chunked_input in(text, pattern);
    csv_limits limits;
    limits.chunk_bytes = 16;
    csv_reader reader{rebuy::input(in.get()), limits};
    CHECK(reader.peek(10) == "a;b;c\nxxxx");
    CHECK(reader.peek(1000) == text);
  }
}

TEST_CASE("reader: a byte order mark is skipped and the head can be peeked") {
  csv_test::chunked_input in("\xEF\xBB\xBFid,x\n1,2\n", {2});
  rebuy::csv_reader reader{rebuy::input(in.get())};
  CHECK(reader.peek(4) == "\xEF\xBB\xBFi");
  reader.skip_bom();
  CHECK(reader.peek(64) == "id,x\n1,2\n");
  rebuy::csv_record r;
  REQUIRE(reader.next(r));
  CHECK(r.fields[0] == "id");
  CHECK(r.line == 1);
  REQUIRE(reader.next(r));
  CHECK(r.line == 2);
  CHECK(!reader.next(r));
  CHECK(reader.bytes_consumed() == 12);
}

TEST_CASE("reader: a small chunk size still reads long records") {
  rebuy::csv_limits limits;
  limits.chunk_bytes = 4;
  std::string long_field(1000, 'z');
  auto rows = read_all("a,b\n\"" + long_field + "\"," + long_field + "\n", {}, ',', limits);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].fields == strings{long_field, long_field});
}
