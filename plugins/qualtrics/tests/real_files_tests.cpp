// The real Qualtrics exports in ../shared/data/real (read in place, never copied).
#include "real_files.hpp"

#include <doctest/doctest.h>

namespace {

csv_test::result import_real(const std::string &relative) {
  return csv_test::run_ok(real_files::read(relative));
}

} // namespace

TEST_CASE("real: the current layout with German labels") {
  CHECK(csv_test::probe(real_files::read("qualtrics/qualtrics_sample.csv")) == 95);
  auto r = import_real("qualtrics/qualtrics_sample.csv");
  CHECK(r.records.size() == 1);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.columns.size() == 20);
  CHECK(r.role_of("ResponseId") == REBUY_ROLE_ID);
  CHECK(r.role_of("RecordedDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Q2") == REBUY_ROLE_TEXT); // "This is a free text question."
  CHECK(r.role_of("Q2 - Topics") == REBUY_ROLE_ATTRIBUTE);
  const auto &rec = r.records.at(0);
  CHECK(rec.line == 4);
  CHECK(rec.role(REBUY_ROLE_ID) == "R_2YPOQ602ER1jkf1");
  CHECK(rec.role(REBUY_ROLE_SUBMITTED_AT) == "2017-07-18 08:28:48"); // row 3 gives no zone
  CHECK(rec.role(REBUY_ROLE_TEXT) == "Hello World!");
  CHECK(rec.role(REBUY_ROLE_LANGUAGE) == "DE");
  CHECK(rec.get("Q1") == "2");
}

TEST_CASE("real: the legacy layout with a BOM and a trailing comma") {
  CHECK(csv_test::probe(real_files::read("qualtrics/qualtrics_sample_legacy.csv")) == 90);
  auto r = import_real("qualtrics/qualtrics_sample_legacy.csv");
  CHECK(r.records.size() == 1);
  CHECK(r.rejects.empty());
  CHECK(r.skips.empty());
  CHECK(r.columns.size() == 15);
  CHECK(r.columns.at(0).first == "ResponseID");
  CHECK(r.role_of("ResponseID") == REBUY_ROLE_ID);
  CHECK(r.role_of("EndDate") == REBUY_ROLE_SUBMITTED_AT);
  CHECK(r.role_of("Q2") == REBUY_ROLE_TEXT);
  const auto &rec = r.records.at(0);
  CHECK(rec.line == 3);
  CHECK(rec.role(REBUY_ROLE_ID) == "R_2YPOQ602ER1jkf1");
  CHECK(rec.role(REBUY_ROLE_SUBMITTED_AT) == "2017-07-18 08:28:48");
  CHECK(rec.get("LocationAccuracy") == "-1");
}
