// rebuy/line_reader.hpp: lines, line ends, numbering and the too-long rule,
// whatever sizes read() hands out.
#include <rebuy/importer_testing.hpp>

#include <rebuy/line_reader.hpp>

#include <doctest/doctest.h>

namespace {

struct read_line {
  std::string text;
  uint64_t number;
  bool too_long;
};

std::vector<read_line> lines_of(std::string text, std::vector<size_t> pattern = {},
                                rebuy::line_reader::limits limits = {},
                                uint64_t *consumed = nullptr) {
  rebuy::testing::chunked_input in(std::move(text), std::move(pattern));
  rebuy::line_reader reader{rebuy::input(in.get()), limits};
  std::vector<read_line> out;
  rebuy::line_reader::line l;
  while (reader.next(l))
    out.push_back({std::string(l.text), l.number, l.too_long});
  if (consumed) *consumed = reader.bytes_consumed();
  return out;
}

} // namespace

TEST_CASE("line_reader: LF, CRLF, a lone CR as data, and no line end at the end") {
  for (const auto &pattern : rebuy::testing::chunk_patterns()) {
    CAPTURE(pattern.size());
    std::string text = "one\r\ntwo\n\nthree\rstill three\nfour";
    uint64_t consumed = 0;
    auto lines = lines_of(text, pattern, {}, &consumed);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].text == "one");
    CHECK(lines[1].text == "two");
    CHECK(lines[2].text.empty());
    CHECK(lines[3].text == "three\rstill three");
    CHECK(lines[4].text == "four");
    CHECK(lines[4].number == 5);
    CHECK(consumed == text.size());
  }
}

TEST_CASE("line_reader: a final line end makes no empty line, an empty input has no line") {
  CHECK(lines_of("a\n").size() == 1);
  CHECK(lines_of("a\r\n").size() == 1);
  CHECK(lines_of("").empty());
  CHECK(lines_of("\n").size() == 1);
}

TEST_CASE("line_reader: NUL bytes are data") {
  auto lines = lines_of(std::string("a\0b\nc", 5), {1});
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].text == std::string("a\0b", 3));
}

TEST_CASE("line_reader: too long is decided by length alone, whatever the chunks") {
  rebuy::line_reader::limits limits;
  limits.chunk_bytes = 4;
  limits.max_line_bytes = 10;
  limits.kept_prefix_bytes = 3;
  std::string text = "short\n" + std::string(10, 'x') + "\n" + std::string(11, 'y') + "\nafter\n" +
                     std::string(25, 'z');
  for (const auto &pattern : rebuy::testing::chunk_patterns()) {
    CAPTURE(pattern.size());
    for (size_t chunk : {1, 4, 16, 64}) {
      limits.chunk_bytes = chunk;
      uint64_t consumed = 0;
      auto lines = lines_of(text, pattern, limits, &consumed);
      REQUIRE(lines.size() == 5);
      CHECK(!lines[1].too_long); // exactly the limit
      CHECK(lines[1].text.size() == 10);
      CHECK(lines[2].too_long);
      CHECK(lines[2].text == "yyy");
      CHECK(lines[3].text == "after");
      CHECK(lines[3].number == 4);
      CHECK(lines[4].too_long); // the last line, without a line end
      CHECK(lines[4].text == "zzz");
      CHECK(consumed == text.size());
    }
  }
}
