#include "util/progress_line.hpp"

#include <doctest/doctest.h>

using rebuy::core::progress_state;
using rebuy::core::progress_text;

TEST_CASE("progress line of analysis: rows of all, rows per second, time left") {
  progress_state s{53248, 1000000, false, 53248, 1.3};
  CHECK(progress_text("analyzing", s) ==
        "analyzing: 5%  53,248 of 1,000,000 rows  41,000 rows/s  23 s left");
}

TEST_CASE("progress line of an import: share of bytes, rows, rates, time left") {
  progress_state s{40000000, 100000000, true, 200000, 2};
  CHECK(progress_text("importing a.csv", s) ==
        "importing a.csv: 40%  200,000 rows  100,000 rows/s  20.0 MB/s  3 s left");
}

TEST_CASE("progress line without a known total says no share and no time left") {
  progress_state s{40000000, 0, true, 200000, 2};
  CHECK(progress_text("importing -", s) == "importing -: 200,000 rows  100,000 rows/s  20.0 MB/s");
}

TEST_CASE("progress line time left in minutes and hours") {
  CHECK(progress_text("analyzing", {1000, 1000000, false, 1000, 1}) ==
        "analyzing: 0%  1,000 of 1,000,000 rows  1,000 rows/s  16 min 39 s left");
  CHECK(progress_text("analyzing", {100, 1000000, false, 100, 1}) ==
        "analyzing: 0%  100 of 1,000,000 rows  100 rows/s  2 h 46 min left");
  CHECK(progress_text("analyzing", {987, 1000, false, 987, 1}) ==
        "analyzing: 99%  987 of 1,000 rows  990 rows/s  1 s left");
}

TEST_CASE("progress line at the end says no time left") {
  CHECK(progress_text("analyzing", {1000, 1000, false, 1000, 2}) ==
        "analyzing: 100%  1,000 of 1,000 rows  500 rows/s");
}
