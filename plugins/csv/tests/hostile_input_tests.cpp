// Whatever bytes arrive, the importer never crashes and never loses a row.
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <random>

namespace {

// Counts the physical rows (the header included) the way the reader defines
// them, for inputs that have no quote characters.
size_t physical_rows(const std::string &text) {
  size_t lines = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      ++lines;
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  bool unterminated_last = !text.empty() && text.back() != '\n' && text.back() != '\r';
  return lines + (unterminated_last ? 1 : 0);
}

} // namespace

TEST_CASE("hostile: random bytes never crash, with any chunking") {
  std::mt19937 rng(12345);
  const std::string alphabet = "ab,;\t\"\r\n &#x;9\xC3\xA9";
  for (int round = 0; round < 400; ++round) {
    std::string text;
    size_t length = rng() % 300;
    bool raw_bytes = round % 3 == 0;
    for (size_t i = 0; i < length; ++i)
      text += raw_bytes ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    auto r = csv_test::run(text, {}, {1 + rng() % 7, 1 + rng() % 7});
    if (r.status != REBUY_OK) {
      CHECK(!r.error.empty());
      continue;
    }
    for (const auto &rec : r.records)
      CHECK(rec.line >= 1);
    // without quotes every physical row is accounted for exactly
    if (text.find('"') == std::string::npos) CHECK(r.rows() + 1 == physical_rows(text));
  }
}

TEST_CASE("hostile: a huge field and a huge unterminated quote are handled") {
  std::string big(5'000'000, 'x');
  auto r = csv_test::run("id,comment\n1," + big + "\n2,\"" + big + "\"\n3,\"" + big);
  REQUIRE(r.status == REBUY_OK);
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].get("comment")->size() == big.size());
  CHECK(r.records[1].get("comment")->size() == big.size());
  REQUIRE(r.rejects.size() == 1);
  CHECK(r.rejects[0].line == 4);
  CHECK(r.rejects[0].raw.size() == rebuy::batch_builder::max_raw);
}

TEST_CASE("hostile: NUL bytes and invalid UTF-8 are data, not terminators") {
  std::string text("id,comment\n1,a\0b\xFF\xFE\n", 20);
  auto r = csv_test::run(text);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].get("comment") == std::string("a\0b\xFF\xFE", 5));
}

TEST_CASE("hostile: a very wide header and row") {
  std::string header, row;
  for (int i = 0; i < 20000; ++i) {
    header += (i ? "," : "") + std::string("c") + std::to_string(i);
    row += (i ? "," : "") + std::to_string(i);
  }
  auto r = csv_test::run(header + "\n" + row + "\n" + row + ",extra\n", {}, {4096});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.columns.size() == 20000);
  REQUIRE(r.records.size() == 1);
  CHECK(r.records[0].fields.size() == 20000);
  CHECK(r.rejects.size() == 1);
}
