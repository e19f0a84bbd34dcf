// probe(): a low, generic claim on delimited text, nothing on anything else.
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace {
int probe(std::string_view head, std::string_view name) {
  return rebuy_plugin_entry_v1()->importer->probe(rebuy::to_str(head), rebuy::to_str(name));
}
} // namespace

TEST_CASE("probe: delimited text with a header is a plausible but generic claim") {
  int plain = probe("id,rating,comment\n1,5,Good\n", "export");
  CHECK(plain >= 20);
  CHECK(plain <= 30);
  CHECK(probe("id,rating,comment\n1,5,Good\n", "export.csv") == plain + 10);
  CHECK(probe("id\trating\n1\t5\n", "reviews.TSV") > 20);
  CHECK(probe("a;b\n1;2\n", "x.txt") > 20);
  // whatever it is, it stays below what a format-specific importer claims
  CHECK(probe("id,rating,comment\n1,5,Good\n", "export.csv") < 60);
}

TEST_CASE("probe: a single column or a ragged first row claims less") {
  CHECK(probe("comment\nnice\n", "notes") < 20);
  CHECK(probe("a,b,c\n1\n", "x") < probe("a,b,c\n1,2,3\n", "x"));
}

TEST_CASE("probe: JSON, binary and empty input are not CSV") {
  CHECK(probe("{\"reviewerID\": \"A1\", \"overall\": 5.0}\n", "reviews.csv") == 0);
  CHECK(probe("  \n [ {\"a\": 1} ]", "a.json") == 0);
  CHECK(probe(std::string_view("PK\x03\x04\0\0binary", 12), "x.csv") == 0);
  CHECK(probe("\x7f"
              "ELF\x02\x01\x01\x03\x04\x05\x06\x07\x08",
              "x.csv") == 0);
  CHECK(probe("", "x.csv") == 0);
  CHECK(probe(" \r\n\t", "x.csv") == 0);
}

TEST_CASE("probe: a BOM is ignored") {
  CHECK(probe("\xEF\xBB\xBFid,comment\n1,x\n", "x.csv") == probe("id,comment\n1,x\n", "x.csv"));
}
