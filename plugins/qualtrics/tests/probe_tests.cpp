// probe(): Qualtrics' own layouts above the generic csv plugin, 0 for the rest.
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace {

int probe(std::string_view head, std::string_view name = "export.csv") {
  return rebuy_plugin_entry_v1()->importer->probe(rebuy::to_str(head), rebuy::to_str(name));
}

std::string head_of(const std::string &path) {
  std::string text = csv_test::read_file(path);
  INFO("file: ", path);
  REQUIRE(!text.empty());
  return text.substr(0, size_t{64} << 10);
}

} // namespace

TEST_CASE("probe: the three-row and the legacy layouts") {
  CHECK(probe(head_of(std::string(REBUY_TEST_DATA_DIR) + "/check_sample.csv")) == 95);
  CHECK(probe(head_of(std::string(REBUY_REAL_DATA_DIR) + "/qualtrics/qualtrics_sample.csv")) == 95);
  CHECK(probe(head_of(std::string(REBUY_REAL_DATA_DIR) +
                      "/qualtrics/qualtrics_sample_legacy.csv")) == 90);
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
  auto heads =
      csv_test::foreign_heads(REBUY_REAL_DATA_DIR, "qualtrics", REBUY_PLUGINS_DIR, "qualtrics");
  CHECK(heads.size() >= 7);
  for (const auto &[file, head] : heads) {
    INFO(file);
    CHECK(probe(head) == 0);
  }
}
