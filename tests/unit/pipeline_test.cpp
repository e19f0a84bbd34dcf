// Import and analysis end to end through real plugins, without the CLI.
#include "gzip_bytes.hpp"
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/report_data.hpp"
#include "store/store.hpp"
#include "util/errors.hpp"

#include "pipeline_fixture.hpp"
#include "score_table.hpp"

#include <doctest/doctest.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;
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

// The import summary's NPS: from the metric alone in a store of one source, from a scan of the
// source's responses when there are others.
TEST_CASE("pipeline: NPS of one source among several") {
  fixture f;
  import_request web;
  web.file = f.write("web.csv", "id,Likely-To-Recommend\n1,10\n2,9\n3,2\n");
  web.source = "web";
  import_file(f.registry, *f.db, web);
  analyze_store(f.registry, *f.db, {});
  auto alone = nps_of(*f.db, "web");
  CHECK(alone.counts.promoters == 2);
  CHECK(alone.counts.detractors == 1);
  CHECK(alone.questions == std::vector<std::string>{"Likely-To-Recommend"});

  import_request shop;
  shop.file = f.write("shop.csv", "id,How likely to recommend\n1,0\n2,1\n3,8\n4,\n");
  shop.source = "shop";
  import_file(f.registry, *f.db, shop);
  analyze_store(f.registry, *f.db, {});
  auto web_among = nps_of(*f.db, "web");
  CHECK(web_among.counts.promoters == 2);
  CHECK(web_among.counts.detractors == 1);
  CHECK(web_among.counts.passives == 0);
  CHECK(web_among.questions == std::vector<std::string>{"Likely-To-Recommend"});
  auto shop_among = nps_of(*f.db, "shop");
  CHECK(shop_among.counts.detractors == 2);
  CHECK(shop_among.counts.passives == 1);
  CHECK(shop_among.questions == std::vector<std::string>{"How likely to recommend"});
  auto all = nps_of(*f.db, {});
  CHECK(all.counts.n() == 6);
  CHECK(all.questions ==
        std::vector<std::string>{"Likely-To-Recommend", "How likely to recommend"});
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
  unpack_scores(*f.db);
  CHECK(f.count("SELECT count(*) FROM scores WHERE metric = 'nps_class'") == 2);
}

TEST_CASE("pipeline: an analyzer at a new version re-analyzes everything, others nothing") {
  fixture f;
  import_request request;
  request.file = f.write("v.csv", "id,How likely are you to recommend us,comment\n1,9,a\n2,0,b\n");
  import_file(f.registry, *f.db, request);
  analyze_store(f.registry, *f.db, {});
  f.db->exec("UPDATE analyzer_state SET analyzer_version = '0.9' WHERE analyzer = 'nps'");
  add_score(*f.db, 1, "nps", "old_metric", 3); // what version 0.9 said
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 2);
  unpack_scores(*f.db);
  CHECK(f.count("SELECT count(*) FROM scores WHERE metric = 'old_metric'") == 0);
  CHECK(f.count("SELECT count(*) FROM scores WHERE analyzer = 'nps'") == 4);
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
  unpack_scores(*f.db);
  CHECK(f.count("SELECT count(*) FROM scores WHERE label = 'promoter'") == 2);
  CHECK(f.count("SELECT count(*) FROM scores WHERE label = 'detractor'") == 0);
}

TEST_CASE("pipeline: blank lines are counted in one skip row per run, not stored one by one") {
  fixture f;
  // Enough blank lines for several batches and two commits (one per 200,000 rows).
  const size_t blank_run = 250000;
  import_request request;
  request.file =
      f.write("blanks.csv", "id,nps\n1,9\n\n\n2,8\n" + std::string(blank_run, '\n') + "3,7\n,\n");
  auto outcome = import_file(f.registry, *f.db, request);
  const auto &c = outcome.run.counts;
  CHECK(c.added == 3);
  CHECK(c.skipped == blank_run + 3); // and the row of blanks, stored with its bytes
  CHECK(c.rows_in() == c.stored() + c.rejected + c.skipped);
  CHECK(f.count("SELECT rows_skipped FROM import_runs") == static_cast<int64_t>(c.skipped));
  CHECK(f.count("SELECT count(*) FROM rejects WHERE kind = 'skip'") == 2);
  auto s = f.db->prepare("SELECT line, reason FROM rejects WHERE raw IS NULL");
  REQUIRE(s.step());
  CHECK(s.column_int(0) == 3);
  CHECK(s.column_text(1) ==
        "blank line: " + std::to_string(blank_run + 2) + " rows, first at lines 3, 4, 6, …");
  CHECK(f.count("SELECT count(*) FROM rejects WHERE reason LIKE 'empty row%' AND raw = ','") == 1);
}

TEST_CASE("pipeline: one blank line is a skip row like any other") {
  fixture f;
  import_request request;
  request.file = f.write("one.csv", "id,nps\n1,9\n\n2,8\n");
  auto outcome = import_file(f.registry, *f.db, request);
  CHECK(outcome.run.counts.skipped == 1);
  CHECK(f.count("SELECT count(*) FROM rejects WHERE kind = 'skip' AND line = 3 AND "
                "reason = 'blank line'") == 1);
}

TEST_CASE(
    "pipeline: a file of refusals stops as not the importer's format and keeps what it read") {
  fixture f;
  import_request request;
  request.importer = "csv";
  std::string text = "id,nps,comment\n1,9,fine\n";
  for (int i = 0; i < 3000; ++i)
    text += "not,a row of this file\n" + std::string(i % 2 ? "\n" : ""); // blank lines don't count
  request.file = f.write("junk.csv", text);
  CHECK_THROWS_WITH_AS(import_file(f.registry, *f.db, request),
                       doctest::Contains("this does not look like a csv file"), input_error);
  CHECK(f.count("SELECT count(*) FROM import_runs WHERE status = 'failed'") == 1);
  const int64_t rejected = f.count("SELECT rows_rejected FROM import_runs");
  CHECK(rejected >= 1000);
  CHECK(rejected < 3000); // it stopped early
  CHECK(f.count("SELECT rows_in FROM import_runs") ==
        f.count("SELECT rows_new + rows_rejected + rows_skipped FROM import_runs"));
  CHECK(f.count("SELECT count(*) FROM responses") == 1);
  CHECK(f.count("SELECT count(*) FROM rejects WHERE kind = 'row'") == rejected);
}

TEST_CASE("pipeline: a few bad rows among good ones never stop an import") {
  fixture f;
  import_request request;
  std::string text = "id,nps,comment\n";
  for (int i = 0; i < 3000; ++i)
    text += i % 4 ? std::to_string(i) + ",9,fine\n" : "ragged\n";
  request.file = f.write("mixed.csv", text);
  auto outcome = import_file(f.registry, *f.db, request);
  CHECK(outcome.run.counts.rejected == 750);
  CHECK(outcome.run.counts.added == 2250);
}

TEST_CASE("pipeline: no importer recognising a file names the plugin files that were refused") {
  fixture f;
  // The csv importer refused as untrusted; only the throwing importer (which
  // reads nothing plain) is loaded.
  auto refused = f.dir / "refused", loaded = f.dir / "loaded";
  for (const auto &d : {refused, loaded}) {
    fs::create_directory(d);
    fs::permissions(d, fs::perms::owner_all);
  }
  fs::copy_file(fs::path(REBUY_PLUGIN_BUILD_DIR) / "rebuy_csv.so", refused / "rebuy_csv.so");
  fs::permissions(refused / "rebuy_csv.so", fs::perms::group_write, fs::perm_options::add);
  fs::copy_file(fs::path(REBUY_TEST_PLUGIN_DIR) / "rebuy_throwing_importer.so",
                loaded / "rebuy_throwing_importer.so");
  plugin_registry registry;
  registry.scan({refused, loaded});
  REQUIRE(registry.find("throwing") != nullptr);
  REQUIRE(registry.refused().size() == 1);

  import_request request;
  request.file = f.write("plain.csv", "id,nps\n1,9\n");
  const std::string expected =
      "no importer recognises this file; name one with --as (available: throwing); 1 plugin "
      "file was refused, and the importer it needs may be among them: " +
      (refused / "rebuy_csv.so").string() + " (untrusted file: writable by group or others)";
  CHECK_THROWS_WITH_AS(import_file(registry, *f.db, request), doctest::Contains(expected.c_str()),
                       input_error);
}

TEST_CASE("pipeline: rows an importer returns together with REBUY_END are kept") {
  fixture f;
  import_request request;
  request.file = f.write("end.txt", "ENDROWS\n");
  auto outcome = import_file(f.registry, *f.db, request);
  CHECK(outcome.run.importer == "end_with_rows");
  CHECK(outcome.run.counts.added == 5);
  CHECK(outcome.run.counts.rejected == 1);
  CHECK(f.count("SELECT count(*) FROM responses") == 5);
  CHECK(f.count("SELECT count(*) FROM rejects WHERE line = 7 AND raw = 'x;y'") == 1);
}

namespace {

std::string survey_rows(int count) {
  std::string text = "id,nps,comment\n";
  for (int i = 0; i < count; ++i)
    text += std::to_string(i) + "," + std::to_string(i % 11) + ",comment number " +
            std::to_string(i) + " of the file\n";
  return text;
}

} // namespace

TEST_CASE("pipeline: a .gz that fails its check stores nothing of it") {
  fixture f;
  const std::string packed = rebuy::test::gzip(survey_rows(5000));
  std::string bad_crc = packed;
  bad_crc[bad_crc.size() - 8] = static_cast<char>(bad_crc[bad_crc.size() - 8] ^ 0x01);
  std::string bad_data = packed;
  for (size_t i = packed.size() / 2; i < packed.size() / 2 + 4; ++i)
    bad_data[i] = static_cast<char>(bad_data[i] ^ 0x5a);
  const std::vector<std::pair<std::string, std::string>> damaged = {{"crc.csv.gz", bad_crc},
                                                                    {"data.csv.gz", bad_data}};
  for (const auto &[name, bytes] : damaged) {
    CAPTURE(name);
    import_request request;
    request.file = f.write(name, bytes);
    request.batch_size = 100; // many batches, so many writes before the end
    CHECK_THROWS_WITH_AS(import_file(f.registry, *f.db, request),
                         doctest::Contains("nothing of it was stored"), input_error);
  }
  CHECK(f.count("SELECT count(*) FROM responses") == 0);
  CHECK(f.count("SELECT count(*) FROM rejects") == 0);
  CHECK(f.count("SELECT count(*) FROM import_runs WHERE status = 'failed' AND rows_in = 0 AND "
                "message LIKE '%corrupt%nothing of the file was stored'") == 2);
  // The same data, sound, imports whole.
  import_request request;
  request.file = f.write("good.csv.gz", packed);
  CHECK(import_file(f.registry, *f.db, request).run.counts.added == 5000);
}

TEST_CASE("pipeline: a truncated .gz keeps its complete rows and says it was cut") {
  fixture f;
  const std::string packed = rebuy::test::gzip(survey_rows(5000));
  import_request request;
  request.file = f.write("cut.csv.gz", packed.substr(0, packed.size() / 2));
  auto outcome = import_file(f.registry, *f.db, request);
  CHECK(outcome.truncated);
  CHECK(outcome.damage.find("the file is truncated") != std::string::npos);
  const auto &c = outcome.run.counts;
  CHECK(c.added > 1000);
  CHECK(c.added < 5000);
  CHECK(c.rejected <= 1); // the cut row
  CHECK(f.count("SELECT count(*) FROM responses") == static_cast<int64_t>(c.added));
  CHECK(f.count("SELECT count(*) FROM import_runs WHERE status = 'failed' AND message LIKE "
                "'%truncated%complete rows before were stored'") == 1);
}
