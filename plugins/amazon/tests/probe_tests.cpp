// Detection: the amazon importer claims its three layouts and nothing else.
#include <rebuy/importer_testing.hpp>

#include <doctest/doctest.h>

using namespace rebuy::testing;

namespace {
std::string fixture(const std::string &name) {
  return read_file(std::string(REBUY_TEST_DATA_DIR) + "/" + name);
}
} // namespace

TEST_CASE("probe: the 2014, 2018 and 2023 layouts, as JSON lines or an array") {
  for (const char *name : {"layout_2014.json", "layout_2018.json", "layout_2023.jsonl",
                           "array_2018.json", "crlf_2014.json", "check_sample.json"}) {
    CAPTURE(name);
    std::string text = fixture(name);
    REQUIRE(!text.empty());
    CHECK(probe(text) == 90);
    // a head that ends inside the second record
    CHECK(probe(text.substr(0, text.find('\n', text.find('{')) + 30)) == 90);
  }
}

TEST_CASE("probe: a first review longer than the head is recognised by its keys") {
  std::string head = R"({"reviewerID": "A1", "asin": "B1", "overall": 5.0, "reviewText": ")" +
                     std::string(70000, 'x');
  CHECK(probe(head.substr(0, 65536)) == 60);
  CHECK(probe(R"({"review_id": "x", "text": ")" + std::string(70000, 'x')) == 0);
}

TEST_CASE("probe: anything else is 0") {
  CHECK(
      probe(
          R"({"review_id":"KU_O5udG6zpxOg-VcAEodg","user_id":"mh_-eMZ6K5RLWhZyISBhwA","business_id":"XQfwVwDr-v0ZS3_CbbE5Xw","stars":3.0,"useful":0,"funny":0,"cool":0,"text":"ok","date":"2018-07-07 22:09:11"})"
          "\n") == 0);
  CHECK(probe("reviewerID,asin,overall\nA1,B1,5\n", "reviews.csv") == 0);
  CHECK(probe("marketplace\tcustomer_id\treview_id\tproduct_id\nUS\t1\tR1\tB1\n") == 0);
  CHECK(probe(R"({'asin': '0000031852', 'title': 'Girls Ballet Tutu', 'price': 3.17})") == 0);
  CHECK(probe(R"({"asin": "0000031852", "title": "Girls Ballet Tutu", "price": 3.17})") == 0);
  CHECK(probe("[1, 2, 3]") == 0);
  CHECK(probe("") == 0);
  CHECK(probe(std::string("\0\x01\x02{", 4)) == 0);
}
