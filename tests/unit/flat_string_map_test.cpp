// The SDK's flat hash map: the report's word counts and the analyzers' lexicons use it.
#include <rebuy/flat_string_map.hpp>

#include <doctest/doctest.h>

#include <string>
#include <unordered_map>

using rebuy::flat_string_map;

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

TEST_CASE("flat_string_map: find adds nothing, try_emplace says whether it added, clear empties") {
  flat_string_map<int> map;
  CHECK(map.find("absent") == nullptr); // before anything was added too
  auto [first, added] = map.try_emplace("loved", 1);
  CHECK(added);
  CHECK(*first == 1);
  auto [again, added_again] = map.try_emplace("loved", 2);
  CHECK_FALSE(added_again);
  CHECK(*again == 1);
  REQUIRE(map.find("loved"));
  CHECK(*map.find("loved") == 1);
  CHECK(map.find("love") == nullptr);
  CHECK(map.size() == 1);
  // Cleared small and cleared after growing: both take keys anew.
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < (round ? 1000 : 10); ++i)
      map[std::to_string(i)] = i;
    map.clear();
    CHECK(map.size() == 0);
    CHECK(map.find("3") == nullptr);
    map["3"] = 3;
    CHECK(*map.find("3") == 3);
    CHECK(map.size() == 1);
  }
}
