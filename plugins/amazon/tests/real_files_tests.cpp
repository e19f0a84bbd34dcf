// The real Amazon file from ../shared/data/real (read in place, never copied).
#include "real_files.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace rebuy::testing;

TEST_CASE("real: AMAZON_FASHION_5.json, the 2018 layout") {
  std::string text = real_files::read("amazon/AMAZON_FASHION_5.json");
  REQUIRE(text.size() == 1413471);
  CHECK(probe(text.substr(0, 65536), "AMAZON_FASHION_5.json") == 90);
  auto r = run(text, {}, {65536, 1000, 7});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.records.size() == 3176);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.log.empty());

  // 3,108 distinct reviews: the other 68 lines repeat one (same reviewer,
  // asin, day and variant) to the letter, which the host stores once.
  std::set<std::string> keys;
  size_t with_vote = 0, with_image = 0, with_text = 0;
  for (const auto &rec : r.records) {
    REQUIRE(rec.role(REBUY_ROLE_ID));
    keys.insert(*rec.role(REBUY_ROLE_ID));
    with_vote += rec.get("vote").has_value();
    with_image += rec.get("image").has_value();
    with_text += rec.role(REBUY_ROLE_TEXT).has_value();
    CHECK(rec.role(REBUY_ROLE_RATING_MAX) == "5");
  }
  CHECK(keys.size() == 3108);
  CHECK(with_vote == 297);
  CHECK(with_image == 106);
  CHECK(with_text == 3160);

  const auto &first = r.records.front();
  CHECK(first.line == 1);
  CHECK(first.role(REBUY_ROLE_ID) ==
        R"(ALJ66O1Y6SLHA/B000K2PJ4K/1441324800/{"Color:":" Blue/Orange","Size:":" Big Boys"})");
  CHECK(first.role(REBUY_ROLE_RATING) == "5.0");
  CHECK(first.get("style.Color:") == " Blue/Orange");
  CHECK(first.get("reviewTime") == "09 4, 2015");
  CHECK(r.records.back().line == 3176);
}
