// The analysis beside an import (pipeline/import_analysis.hpp) scores what an analysis after the
// import would, and leaves to it what it cannot take.
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "pipeline/response_keyer.hpp"
#include "pipeline/response_loader.hpp"
#include "pipeline/text_model.hpp"
#include "store/response_writer.hpp"
#include "store/store.hpp"
#include "util/errors.hpp"

#include "pipeline_fixture.hpp"
#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace rebuy::core;
using namespace rebuy::test;
using pipeline_test::fixture;

namespace {

// Every score and how far each analyzer came, as text.
std::vector<std::string> analysis_of(sql::connection &db) {
  unpack_scores(db);
  std::vector<std::string> out;
  auto s = db.prepare("SELECT response_id || '|' || analyzer || '|' || metric || '|' || "
                      "coalesce(value, 'null') || '|' || coalesce(label, '') || '|' || "
                      "coalesce(evidence, '') FROM temp.scores ORDER BY response_id, analyzer, "
                      "metric");
  while (s.step())
    out.emplace_back(s.column_text(0));
  auto state = db.prepare("SELECT analyzer || ' ' || analyzed_through FROM analyzer_state WHERE "
                          "analyzer <> 'rebuy' ORDER BY analyzer");
  while (state.step())
    out.emplace_back(state.column_text(0));
  return out;
}

// A survey of `rows` responses with an NPS, a star rating, a buy-again answer and a comment;
// `extra` is appended as more lines.
std::string survey(int rows, const std::string &extra = {}) {
  const char *answers[] = {"Definitely would", "Probably would", "Not sure",
                           "Probably not",     "Definitely not", ""};
  const char *comments[] = {"Great quality, fast delivery. Will order again.",
                            "The parcel arrived late and the box was damaged.",
                            "Support never answered my emails; I want a refund.",
                            "Good value for money, but the sizes run small.",
                            "",
                            "n/a",
                            "Love it! My friends bought one too."};
  std::string csv = "id,submitted,How likely are you to recommend us,Rating,would_buy_again,"
                    "plan,comment\n";
  for (int i = 1; i <= rows; ++i)
    csv += fmt::format("{},2026-0{}-{:02} 10:00,{},{},{},{},\"{}\"\n", i, 1 + i % 9, 1 + i % 28,
                       i % 11, i % 7 == 0 ? "4.5" : std::to_string(1 + i % 5), answers[i % 6],
                       i % 2 ? "pro" : "basic", comments[i % 7]);
  return csv + extra;
}

// A survey of `rows` responses with comments that follow the answers; every tenth has no NPS,
// rating or answer, so that the text model has texts without a verdict to score. Every verdict
// shows: answers, ratings (every twentieth has one and no answer), NPS classes.
std::string survey_with_unrated(int rows) {
  const char *good[] = {"lovely", "perfect fit", "great quality", "fast delivery", "comfortable"};
  const char *bad[] = {"broke quickly", "too small", "arrived late", "cheap material",
                       "fell apart"};
  std::string csv = "id,submitted,nps,rating,would_buy_again,comment\n";
  for (int i = 1; i <= rows; ++i) {
    const bool happy = i % 3 != 0, unrated = i % 10 == 3;
    const char **words = happy ? good : bad;
    csv += fmt::format("{},2026-0{}-{:02} 10:00,{},{},{},\"The shoes were {} and {}, order {}\"\n",
                       i, 1 + i % 9, 1 + i % 28, unrated ? "" : std::to_string(i % 11),
                       unrated || i % 4 ? "" : std::to_string(happy ? 5 : 1),
                       unrated || i % 5 == 0 ? ""
                       : happy               ? "Definitely would"
                                             : "Definitely not",
                       words[i % 5], words[(i / 5) % 5], i);
  }
  return csv;
}

// The text model's summary as the store keeps it.
std::string text_model_setting(sql::connection &db) {
  auto s = db.prepare("SELECT value FROM settings WHERE name = 'text_model'");
  return s.step() ? std::string(s.column_text(0)) : std::string();
}

// Imports `csv` as source "s" into f's store, analyzing beside the import.
import_outcome import_beside(fixture &f, const std::string &csv) {
  import_request request;
  request.source = "s";
  request.file = f.write("beside.csv", csv);
  const analysis_request analysis;
  return import_file(f.registry, *f.db, request, &analysis);
}

// The same file imported into a fresh store and analyzed afterwards, as `--no-analyze` then
// `rebuy analyze` would.
std::vector<std::string> analyzed_after(const std::string &csv) {
  fixture f;
  import_request request;
  request.source = "s";
  request.file = f.write("after.csv", csv);
  import_file(f.registry, *f.db, request);
  analyze_store(f.registry, *f.db, {});
  return analysis_of(*f.db);
}

} // namespace

TEST_CASE("import analysis: a staged response reads as the loader reads it once stored") {
  temp_db t;
  auto db = open_store(t.path);
  import_run run = sample_run();
  std::vector<column_mapping> columns;
  for (auto [name, role] : {std::pair{"Kundennummer", REBUY_ROLE_CUSTOMER},
                            {"Sterne", REBUY_ROLE_RATING},
                            {"Bestellwert", REBUY_ROLE_ORDER_VALUE},
                            {"Datum", REBUY_ROLE_SUBMITTED_AT},
                            {"Wieder kaufen", REBUY_ROLE_BUY_AGAIN},
                            {"Tarif", REBUY_ROLE_ATTRIBUTE}})
    columns.push_back({name, role, {}, {}, {}, {}});
  run.mapping = mapping_json(columns);
  run_lease lease;
  const int64_t run_id = begin_run(*db, run, lease);

  std::vector<staged_response> rows(4);
  rows[0].kind = REBUY_RECORD_REVIEW;
  rows[0].external_id = "A-1";
  rows[0].roles[REBUY_ROLE_CUSTOMER] = "c1";
  rows[0].roles[REBUY_ROLE_SUBMITTED_AT] = "2.1.2026 03:04";
  rows[0].submitted_at = "2026-01-02T03:04:00Z";
  rows[0].roles[REBUY_ROLE_NPS] = "07";
  rows[0].nps = 7;
  rows[0].rating = 4.5, rows[0].rating_max = 5.0;
  rows[0].order_value = 19.99, rows[0].order_count = 3;
  rows[0].roles[REBUY_ROLE_TITLE] = "Nice";
  rows[0].roles[REBUY_ROLE_TEXT] = "Fits well.\nWould buy again: yes";
  rows[0].roles[REBUY_ROLE_BUY_AGAIN] = "Yes";
  rows[0].attributes = R"({"Tarif":"pro","Anzahl":3,"Notiz":"a \"quoted\" word"})";
  rows[1].roles[REBUY_ROLE_SUBMITTED_AT] = "last spring"; // not understood: kept as written
  rows[1].rating = 0.1 + 0.2, rows[1].order_value = 1e21, rows[1].rating_max = 3.0;
  rows[1].nps = 0;
  rows[1].attributes = "{}";
  rows[2].kind = REBUY_RECORD_POST_PURCHASE;
  rows[2].rating = 123456789.125, rows[2].order_value = -0.5;
  rows[2].attributes = "not json";
  rows[3].roles[REBUY_ROLE_CHANNEL] = "email";
  rows[3].roles[REBUY_ROLE_LANGUAGE] = "de";
  rows[3].attributes = "{}";
  for (size_t i = 0; i < rows.size(); ++i) {
    rows[i].key = "k" + std::to_string(i);
    rows[i].content_hash = rows[i].key;
  }

  staged_batch batch;
  for (const auto &r : rows)
    batch.add() = r;
  response_keyer("s").key(batch.responses_from(0));
  written_batch written;
  response_writer writer(*db, run_id, "s");
  writer.describe_writes(&written);
  writer.write(batch);
  const std::vector<stored_anew> &stored = written.stored;
  row_counts counts;
  writer.commit(counts);
  REQUIRE(stored.size() == rows.size());

  for (const bool with_attributes : {false, true}) {
    CAPTURE(with_attributes);
    loaded_batch staged, read;
    for (const auto &s : stored)
      load_staged(*s.response, s.id, role_names_of(columns), with_attributes, 1, staged);
    response_loader loader(*db, {0}, with_attributes);
    loader.start(0, stored.back().id);
    REQUIRE(loader.next(100, read));
    REQUIRE(read.responses.size() == staged.responses.size());
    for (size_t i = 0; i < read.responses.size(); ++i) {
      const auto &a = staged.responses[i], &b = read.responses[i];
      CAPTURE(i);
      CHECK(a.id == b.id);
      CHECK(a.kind == b.kind);
      CHECK(a.pending == b.pending);
      REQUIRE(a.field_count == b.field_count);
      for (size_t f = 0; f < a.field_count; ++f) {
        const auto &x = staged.fields[a.first_field + f], &y = read.fields[b.first_field + f];
        CHECK(x.role == y.role);
        CHECK(staged.view(x.name) == read.view(y.name));
        CHECK(staged.view(x.value) == read.view(y.value));
      }
    }
  }
}

TEST_CASE("import analysis: a file analyzed as it is imported scores as one analyzed after") {
  // More rows than a hand-over (4,096, or 2,048 beside the analysis) and than one batch copied
  // for the workers (1,024), or than one of `rebuy analyze` (2,048).
  const std::string csv = survey(9000);
  fixture f;
  const auto outcome = import_beside(f, csv);
  CHECK(outcome.analyzed == 9000);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 0);
  const auto beside = analysis_of(*f.db);
  CHECK(beside.size() > 9000);
  CHECK(beside == analyzed_after(csv));
}

TEST_CASE("import analysis: the text model learns from what the import walked as from the store") {
  // More labelled texts than the text model learns from (20,000), and some without a verdict.
  const std::string csv = survey_with_unrated(23000);
  fixture f;
  const auto outcome = import_beside(f, csv);
  REQUIRE(outcome.text_walk);
  CHECK(outcome.text_walk->walk.labelled() > max_model_texts);
  // Without a verdict: every tenth, and those with a passive NPS alone.
  size_t unlabelled = 0;
  for (int i = 1; i <= 23000; ++i)
    unlabelled += i % 10 == 3 || (i % 5 == 0 && i % 4 != 0 && (i % 11 == 7 || i % 11 == 8));
  CHECK(outcome.text_walk->walk.unlabelled().size() == unlabelled);
  analysis_request after;
  after.text_walk = outcome.text_walk;
  analyze_store(f.registry, *f.db, after);
  const std::string summary = text_model_setting(*f.db);
  CHECK(summary.find(fmt::format("\"learnt\":{}", max_model_texts)) != std::string::npos);
  const auto beside = analysis_of(*f.db);

  // The same file imported, then analyzed from the store alone.
  temp_db t;
  auto db = open_store(t.path);
  import_request request;
  request.source = "s";
  request.file = f.write("after.csv", csv);
  import_file(f.registry, *db, request);
  analyze_store(f.registry, *db, {});
  CHECK(text_model_setting(*db) == summary);
  CHECK(beside == analysis_of(*db));
}

TEST_CASE("import analysis: another connection's write after the import: the text model walks the "
          "store again") {
  fixture f;
  const auto outcome = import_beside(f, survey_with_unrated(600));
  REQUIRE(outcome.text_walk);
  const uint64_t walked = outcome.text_walk->walk.labelled();
  // Response 1 has an answer: the import's walk counted it.
  open_store(f.dir / "t.db")->exec("DELETE FROM responses WHERE id = 1");
  analysis_request after;
  after.text_walk = outcome.text_walk;
  analyze_store(f.registry, *f.db, after);
  CHECK(text_model_setting(*f.db).find(fmt::format("\"labelled\":{},", walked - 1)) !=
        std::string::npos);
}

TEST_CASE("import analysis: a response replaced part-way ends it, and the analysis after takes "
          "the rest") {
  // Response 5 is edited further down the same file: stored anew, its first row deleted.
  const std::string csv = survey(9000, "5,2026-02-06 10:00,0,1,Definitely not,basic,\"Broken.\"\n");
  fixture f;
  const auto outcome = import_beside(f, csv);
  CHECK(outcome.run.counts.updated == 1);
  CHECK(outcome.analyzed > 0);
  CHECK(outcome.analyzed < 9000);
  CHECK_FALSE(outcome.text_walk); // the replaced response's first row may be in it
  // Of the 9,001 rows, those not analyzed beside; the edited response's first row was, and its
  // scores went with it.
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 9001 - outcome.analyzed);
  CHECK(analysis_of(*f.db) == analyzed_after(csv));
}

TEST_CASE("import analysis: none beside an import while stored responses wait for analysis") {
  fixture f;
  import_request request;
  request.source = "s";
  request.file = f.write("first.csv", survey(10));
  import_file(f.registry, *f.db, request); // not analyzed
  request.source = "t";
  request.file = f.write("second.csv", survey(20));
  const analysis_request analysis;
  CHECK(import_file(f.registry, *f.db, request, &analysis).analyzed == 0);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 30);
  // Caught up, the next import is analyzed beside it.
  request.source = "u";
  request.file = f.write("third.csv", survey(30));
  CHECK(import_file(f.registry, *f.db, request, &analysis).analyzed == 30);
  CHECK(analyze_store(f.registry, *f.db, {}).responses == 0);
}

TEST_CASE("import analysis: an analyzer that refuses its options leaves the import whole, and the "
          "analysis after it says why") {
  fixture f;
  import_request request;
  request.file = f.write("refused.csv", survey(50));
  analysis_request analysis;
  analysis.scoped["buy_again"] = {{"preset", "nonsense"}};
  const auto outcome = import_file(f.registry, *f.db, request, &analysis);
  CHECK(outcome.run.counts.added == 50);
  CHECK(outcome.analyzed == 0);
  CHECK_THROWS_WITH_AS(analyze_store(f.registry, *f.db, analysis),
                       doctest::Contains("preset=nonsense"), input_error);
}
