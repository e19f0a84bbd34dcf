// The flat hash map behind the report's word counts.
#include "util/flat_string_map.hpp"

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

using namespace rebuy::core;

TEST_CASE("flat_string_map: finds every key again, across growth, in the order keys came") {
  flat_string_map<int> map;
  std::unordered_map<std::string, int> expected;
  // 50,000 keys, many sharing prefixes and lengths, some added again: the table grows six times.
  for (int i = 0; i < 60000; ++i) {
    const std::string key = "w" + std::to_string(i % 50000 * 7919 % 100003);
    map[key] += i;
    expected[key] += i;
  }
  map[""] = -1; // an empty key is a key like any other
  expected[""] = -1;
  REQUIRE(map.size() == expected.size());
  for (const auto &[key, value] : expected)
    CHECK(map[key] == value);
  CHECK(map.size() == expected.size()); // looking up added nothing
  CHECK(map.key(0) == "w0");
  CHECK(map.key(1) == "w7919");
  CHECK(map.key(map.size() - 1).empty());
  CHECK(map.value(1) == 1 + 50001);
}
