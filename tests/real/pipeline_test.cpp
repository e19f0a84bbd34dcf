// Import and analysis of the real Carpentries survey in ../shared/data/real
// (read in place, never copied), without the CLI.
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/report_data.hpp"

#include "pipeline_fixture.hpp"

#include <doctest/doctest.h>

using namespace rebuy::core;
using pipeline_test::fixture;

TEST_CASE("pipeline: the real NPS survey imports, analyzes to +36.3 and re-imports idempotently") {
  fixture f;
  import_request request;
  request.file = std::filesystem::path(REBUY_REAL_DATA_DIR) / "nps_survey/longterm_October2017.csv";
  auto first = import_file(f.registry, *f.db, request);
  CHECK(first.run.importer == "csv");
  CHECK(first.run.counts.rows_in() == 476);
  CHECK(first.run.counts.added == 476);
  CHECK(first.run.sha256.size() == 64);
  analyze_store(f.registry, *f.db, {});
  auto nps = nps_of(*f.db, {});
  CHECK(nps.counts.n() == 402);
  CHECK(nps.counts.promoters == 215);
  CHECK(nps.counts.detractors == 69);
  CHECK(nps.estimate.score * 100 == doctest::Approx(36.32).epsilon(0.001));
  CHECK(nps.questions == std::vector<std::string>{"Likely-To-Recommend"});

  auto second = import_file(f.registry, *f.db, request);
  CHECK(second.run.counts.unchanged == 476);
  CHECK(second.run.counts.added == 0);
  CHECK(f.count("SELECT count(*) FROM responses") == 476);
  auto again = analyze_store(f.registry, *f.db, {});
  CHECK(again.responses == 0);
}
