#include "util/timestamp.hpp"

#include <doctest/doctest.h>

using rebuy::core::normalize_timestamp;

TEST_CASE("timestamp: ISO 8601 forms become UTC") {
  CHECK(normalize_timestamp("2017-07-18 08:28:09") == "2017-07-18T08:28:09Z");
  CHECK(normalize_timestamp("2017-11-15T08:10:34-08:00") == "2017-11-15T16:10:34Z");
  CHECK(normalize_timestamp("2024-02-29") == "2024-02-29T00:00:00Z");
  CHECK(normalize_timestamp("2024-01-01T00:30Z") == "2024-01-01T00:30:00Z");
  CHECK(normalize_timestamp("2024-01-01T12:00:00.123+0100") == "2024-01-01T11:00:00Z");
}

TEST_CASE("timestamp: Unix seconds and milliseconds") {
  CHECK(normalize_timestamp("1252800000") == "2009-09-13T00:00:00Z");
  CHECK(normalize_timestamp("1252800000000") == "2009-09-13T00:00:00Z");
}

TEST_CASE("timestamp: anything else is not guessed") {
  CHECK_FALSE(normalize_timestamp("2023-02-30"));
  CHECK_FALSE(normalize_timestamp("9/11/2022 17:54"));
  CHECK_FALSE(normalize_timestamp("yesterday"));
  CHECK_FALSE(normalize_timestamp("2024-01-01T25:00"));
}
