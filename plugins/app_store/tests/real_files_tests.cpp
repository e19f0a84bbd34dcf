// The real Traditional Chinese app reviews in ../shared/data/real (read in place,
// never copied).
#include "real_files.hpp"

#include <doctest/doctest.h>

namespace ic = importer_checks;

TEST_CASE("real Traditional Chinese app reviews") {
  CHECK(ic::probe_file(real_files::path("app_reviews/app_reviews_zh_tw.csv")) == 60);
  auto r = ic::import(real_files::path("app_reviews/app_reviews_zh_tw.csv"), {}, {1000});
  REQUIRE(r.status == REBUY_OK);
  CHECK(r.records.size() == 370);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.role_of("date") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("review") == REBUY_ROLE_TEXT);
  CHECK(r.role_of("rating") == REBUY_ROLE_RATING);
  CHECK(r.role_of("language") == REBUY_ROLE_LANGUAGE);
  CHECK(r.role_of("developerResponse") == REBUY_ROLE_ATTRIBUTE);
  CHECK(r.records[0].role(REBUY_ROLE_TEXT) == "結帳系統不好用，搜尋也不聰明");
  CHECK(r.records[0].role(REBUY_ROLE_RATING) == "3");
  CHECK(r.records[0].get("platform") == "Android");
}
