// The first 1,000 lines of the Yelp Open Dataset's review file in
// ../shared/data/real (read in place, never copied).
#include "real_files.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace rebuy::testing;

TEST_CASE("real: the first 1,000 reviews of the Yelp Open Dataset, CRLF line ends") {
  std::string text = real_files::read("yelp/review_sample.first1000.json");
  REQUIRE(text.size() == 766110);
  CHECK(probe(text.substr(0, 65536), "review_sample.first1000.json") == 90);
  auto r = run(text, {}, {65536, 4096, 3});
  INFO("error: ", r.error);
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.records.size() == 1000);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  // Counted independently (Python's json module): one text holds an escaped
  // \r, 298 hold an empty line; the file's own CRLF line ends are in none.
  std::set<std::string> ids;
  size_t with_cr = 0, multi_paragraph = 0;
  for (const auto &rec : r.records) {
    ids.insert(rec.role(REBUY_ROLE_ID).value_or(""));
    auto text_field = rec.role(REBUY_ROLE_TEXT);
    REQUIRE(text_field);
    with_cr += text_field->find('\r') != std::string::npos;
    multi_paragraph += text_field->find("\n\n") != std::string::npos;
  }
  CHECK(ids.size() == 1000);
  CHECK(with_cr == 1);
  CHECK(multi_paragraph == 298);
  CHECK(r.records.front().role(REBUY_ROLE_ID) == "KU_O5udG6zpxOg-VcAEodg");
  CHECK(r.records.front().role(REBUY_ROLE_RATING) == "3.0");
  CHECK(r.records.back().line == 1000);
}
