// Import and analysis end to end through real plugins, without the CLI.
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/report_data.hpp"
#include "store/store.hpp"
#include "util/errors.hpp"

#include "pipeline_fixture.hpp"

#include <doctest/doctest.h>

using namespace rebuy::core;
using pipeline_test::fixture;

TEST_CASE("pipeline: a survey imports, analyzes to its NPS and re-imports idempotently") {
  // 10 answers: 5 promoters, 2 passives, 3 detractors, 2 blanks; NPS +20.
  fixture f;
  import_request request;
  request.file = f.write("survey.csv", "Country,Likely-To-Recommend,Recommended\n"
                                       "Germany,10,Yes.\nBrazil,9,Yes.\nCanada,7,No.\n"
                                       ",,I don't remember.\nKenya,8,Yes.\nGermany,9,No.\n"
                                       "India,10,Yes.\nSpain,,No.\nAustralia,9,Yes.\n"
                                       "Canada,2,I don't remember.\nNorway,6,No.\nBrazil,0,\n");
  auto first = import_file(f.registry, *f.db, request);
  CHECK(first.run.importer == "csv");
  CHECK(first.run.counts.rows_in() == 12);
  CHECK(first.run.counts.added == 12);
  CHECK(first.run.sha256.size() == 64);
  analyze_store(f.registry, *f.db, {});
  auto nps = nps_of(*f.db, {});
  CHECK(nps.counts.n() == 10);
  CHECK(nps.counts.promoters == 5);
  CHECK(nps.counts.detractors == 3);
  CHECK(nps.estimate.score * 100 == doctest::Approx(20.0));
  CHECK(nps.questions == std::vector<std::string>{"Likely-To-Recommend"});

  auto second = import_file(f.registry, *f.db, request);
  CHECK(second.run.counts.unchanged == 12);
  CHECK(second.run.counts.added == 0);
  CHECK(f.count("SELECT count(*) FROM responses") == 12);
  auto again = analyze_store(f.registry, *f.db, {});
  CHECK(again.responses == 0);
}

TEST_CASE("pipeline: ragged rows are rejected with their line and counted") {
  fixture f;
  import_request request;
  request.file =
      f.write("ragged.csv", "id,nps,comment\n1,9,great\n2,3\n3,10,\"multi\nline\"\n4,x,bad nps\n");
  auto outcome = import_file(f.registry, *f.db, request);
  const auto &c = outcome.run.counts;
  CHECK(c.rows_in() == 4);
  CHECK(c.added == 3);
  CHECK(c.rejected == 1);
  CHECK(f.count("SELECT line FROM rejects WHERE kind = 'row'") == 3);
}

TEST_CASE("pipeline: an edited row in a newer export updates instead of duplicating") {
  fixture f;
  import_request request;
  request.source = "shop";
  request.file = f.write("a.csv", "id,nps,comment\n1,9,great\n2,3,slow\n");
  import_file(f.registry, *f.db, request);
  request.file = f.write("b.csv", "id,nps,comment\n2,6,slow but improving\n3,10,love it\n");
  auto outcome = import_file(f.registry, *f.db, request);
  CHECK(outcome.run.counts.updated == 1);
  CHECK(outcome.run.counts.added == 1);
  CHECK(f.count("SELECT count(*) FROM responses") == 3);
  CHECK(f.count("SELECT nps FROM responses WHERE external_id = '2'") == 6);
}

TEST_CASE("pipeline: an importer that refuses to open gives its message") {
  fixture f;
  import_request request;
  request.file = f.write("x.txt", "THROW open please\n");
  try {
    import_file(f.registry, *f.db, request);
    FAIL("expected an input error");
  } catch (const input_error &e) {
    std::string what = e.what();
    CHECK(what.find("x.txt") != std::string::npos);
    CHECK(what.find("cannot open: this file says so") != std::string::npos);
  }
  CHECK(f.count("SELECT count(*) FROM import_runs") == 0);
}

TEST_CASE("pipeline: an importer failing mid-file keeps committed rows and records the failure") {
  fixture f;
  import_request request;
  request.file = f.write("y.txt", "THROW later\n");
  request.batch_size = 1;
  CHECK_THROWS_WITH_AS(import_file(f.registry, *f.db, request),
                       doctest::Contains("read exploded at row 3"), input_error);
  CHECK(f.count("SELECT count(*) FROM import_runs WHERE status = 'failed'") == 1);
  CHECK(f.count("SELECT rows_in FROM import_runs") == f.count("SELECT count(*) FROM responses"));
}

TEST_CASE("pipeline: a file nobody recognises names the importers to choose from") {
  fixture f;
  import_request request;
  request.file = f.write("blob.bin", std::string("\x00\x01\x02\x03", 4));
  CHECK_THROWS_WITH_AS(import_file(f.registry, *f.db, request),
                       doctest::Contains("no importer recognises"), input_error);
}

TEST_CASE("pipeline: analyze --rerun recomputes everything") {
  fixture f;
  import_request request;
  request.file = f.write("n.csv", "id,How likely are you to recommend us,comment\n1,9,a\n2,0,b\n");
  import_file(f.registry, *f.db, request);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 2);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 0);
  analysis_request rerun;
  rerun.rerun = true;
  CHECK(analyze_store(f.registry, *f.db, rerun).responses == 2);
  CHECK(f.count("SELECT count(*) FROM scores WHERE metric = 'nps_class'") == 2);
}

TEST_CASE("pipeline: an analyzer at a new version re-analyzes everything, others nothing") {
  fixture f;
  import_request request;
  request.file = f.write("v.csv", "id,How likely are you to recommend us,comment\n1,9,a\n2,0,b\n");
  import_file(f.registry, *f.db, request);
  analyze_store(f.registry, *f.db, {});
  f.db->exec("UPDATE analyzer_state SET analyzer_version = '0.9' WHERE analyzer = 'nps'");
  f.db->exec("UPDATE scores SET analyzer_version = '0.9', metric = 'old_metric' "
             "WHERE metric = 'nps_value'");
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 2);
  CHECK(f.count("SELECT count(*) FROM scores WHERE metric = 'old_metric'") == 0);
  CHECK(f.count(
            "SELECT count(*) FROM scores WHERE analyzer = 'nps' AND analyzer_version = '1.1.0'") ==
        4);
}

TEST_CASE("pipeline: an edited response is analyzed again after re-import") {
  fixture f;
  import_request request;
  request.source = "s";
  request.file = f.write("a.csv", "id,How likely are you to recommend us\n1,9\n2,0\n");
  import_file(f.registry, *f.db, request);
  analyze_store(f.registry, *f.db, {});
  request.file = f.write("b.csv", "id,How likely are you to recommend us\n1,9\n2,10\n");
  import_file(f.registry, *f.db, request);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 1);
  CHECK(f.count("SELECT count(*) FROM scores WHERE label = 'promoter'") == 2);
  CHECK(f.count("SELECT count(*) FROM scores WHERE label = 'detractor'") == 0);
}
