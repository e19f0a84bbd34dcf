// The Bloom filter that spares a first import its key lookups.
#include "util/key_filter.hpp"

#include <doctest/doctest.h>

#include <random>

using rebuy::core::key_filter;

TEST_CASE("key filter: every key added is found, and few others are at a million keys") {
  key_filter filter;
  std::mt19937_64 added(1), others(2);
  for (int i = 0; i < 1000000; ++i)
    filter.add(added());
  added.seed(1);
  for (int i = 0; i < 1000000; ++i)
    REQUIRE(filter.maybe_contains(added()));
  int false_positives = 0;
  for (int i = 0; i < 100000; ++i)
    false_positives += filter.maybe_contains(others());
  CHECK(false_positives < 1000); // under 1 %; about 0.4 % expected
  filter.clear();
  added.seed(1);
  CHECK_FALSE(filter.maybe_contains(added()));
}
