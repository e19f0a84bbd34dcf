// probe(): Qualtrics' own layouts above the generic csv plugin, 0 for the rest.
#include "importer_checks.hpp"

#include <doctest/doctest.h>

using csv_test::probe;
using csv_test::test_file;

TEST_CASE("probe: the three-row and the legacy layouts") {
  CHECK(probe(test_file("qualtrics", "check_sample.csv")) == 95);
  CHECK(probe(test_file("qualtrics", "german_labels.csv")) == 95);
  CHECK(probe(test_file("qualtrics", "legacy.csv")) == 90);
  // a TSV, as the host hands over a UTF-16 export once decoded
  CHECK(probe("StartDate\tResponseId\nStart Date\tResponse ID\n"
              "{\"ImportId\":\"startDate\"}\t{\"ImportId\":\"_recordId\"}\n") == 95);
  // row 3 cut off by the end of the head
  CHECK(probe("Q1,Q2\nA,B\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"Imp") == 95);
}

TEST_CASE("probe: near misses are not Qualtrics") {
  CHECK(probe("StartDate,ResponseId\nStart Date,Response ID\n2024-01-01,R_1\n") == 0);
  CHECK(probe("V1,V2,V3\n1,2,3\n") == 0); // V columns without Qualtrics' label row
  CHECK(probe("StartDate,ResponseId\n") == 0);
  CHECK(probe("") == 0);
  CHECK(probe("{\"ImportId\": 1}") == 0);
}

TEST_CASE("probe: 0 on the other formats' files") {
  importer_checks::check_claims_nothing_foreign();
}
