// The store: migrations, idempotent upserts, rejects and re-analysis.
#include "pipeline/stager.hpp"
#include "store/response_key.hpp"
#include "store/response_writer.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;

namespace {

staged_response response(std::string key, std::string text, std::string hash) {
  staged_response r;
  r.key = std::move(key);
  r.key_hash = response_key_hash("s", r.key); // the stager's keying; maybe_seen stays true
  r.content_hash = std::move(hash);
  r.roles[REBUY_ROLE_TEXT] = std::move(text);
  r.attributes = "{}";
  return r;
}

int64_t add_run(sql::connection &db) {
  import_run run = sample_run();
  static std::vector<run_lease> alive; // the runs stay 'running' for the whole test program
  return begin_run(db, run, alive.emplace_back());
}

} // namespace

TEST_CASE("store: a new database is migrated to the current schema version") {
  temp_db t;
  auto db = open_store(t.path);
  CHECK(db->user_version() == schema_version());
  CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'responses'") == 1);
  auto mode = db->prepare("PRAGMA journal_mode");
  mode.step();
  CHECK(mode.column_text(0) == "wal");
}

TEST_CASE("store: opening again keeps the data and does not re-run migrations") {
  temp_db t;
  {
    auto db = open_store(t.path);
    add_run(*db);
  }
  auto db = open_store(t.path);
  CHECK(count(*db, "SELECT count(*) FROM import_runs") == 1);
}

TEST_CASE("store: a database from a newer rebuy is refused with a clear message") {
  temp_db t;
  {
    auto db = open_store(t.path);
    db->exec("PRAGMA user_version = 999");
  }
  try {
    open_store(t.path);
    FAIL("expected an error");
  } catch (const sql::error &e) {
    CHECK(std::string(e.what()).find("newer than this rebuy") != std::string::npos);
  }
}

TEST_CASE("store: a version-0 database with other tables is migrated in place") {
  temp_db t;
  {
    sql::sqlite_connection db(t.path);
    db.exec("CREATE TABLE notes (x TEXT)");
  }
  auto db = open_store(t.path);
  CHECK(db->user_version() == schema_version());
  CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'notes'") == 1);
}

TEST_CASE("store: re-writing the same responses adds nothing and an edit is stored anew") {
  temp_db t;
  auto db = open_store(t.path);
  auto run = add_run(*db);
  response_writer writer(*db, run, "s");
  staged_batch batch;
  batch.add() = response("a", "good", "h1");
  batch.add() = response("b", "bad", "h2");
  batch.rejects = {{7, "expected 3 fields, found 2", "x,y"}};
  row_counts counts;
  writer.write(batch);
  CHECK(counts.added == 0); // not before the commit
  writer.commit(counts);
  CHECK(counts.added == 2);
  CHECK(counts.rejected == 1);
  CHECK(count(*db, "SELECT count(*) FROM rejects WHERE kind = 'row' AND line = 7") == 1);

  create_score_table(*db);
  db->exec("INSERT INTO scores (response_id, analyzer, metric, value) "
           "SELECT id, 'x', 'm', 1 FROM responses");
  pack_scores(*db);

  row_counts again;
  batch.clear();
  batch.add() = response("a", "good", "h1");
  batch.add() = response("b", "worse", "h3");
  writer.write(batch);
  writer.commit(again);
  CHECK(again.unchanged == 1);
  CHECK(again.updated == 1);
  CHECK(again.added == 0);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 2);
  CHECK(count(*db, "SELECT count(*) FROM responses WHERE text = 'worse'") == 1);
  // The edited response is stored anew, after every earlier id, so analysis
  // sees it as new; its old scores went with the old row, in the same commit.
  unpack_scores(*db);
  CHECK(count(*db, "SELECT count(*) FROM scores") == 1);
  CHECK(count(*db, "SELECT count(*) FROM dropped_responses") == 0);
  CHECK(count(*db, "SELECT id FROM responses WHERE key = 'b'") == 3);
}

TEST_CASE("store: an nps outside 0-10 cannot be stored") {
  temp_db t;
  auto db = open_store(t.path);
  auto run = add_run(*db);
  response_writer writer(*db, run, "s");
  staged_batch batch;
  auto &bad = batch.add();
  bad = response("a", "", "h");
  bad.nps = 11;
  row_counts counts;
  CHECK_THROWS_AS(writer.write(batch), sql::error);
  writer.rollback();
  writer.commit(counts);
  CHECK(counts.added == 0); // nothing of a failed batch is counted
  CHECK(count(*db, "SELECT count(*) FROM responses") == 0);
}

TEST_CASE("store: a key repeated within one commit finds the row written before it") {
  temp_db t;
  auto db = open_store(t.path);
  auto run = add_run(*db);
  response_writer writer(*db, run, "s");
  staged_batch batch;
  batch.add() = response("a", "first", "h1");
  batch.add() = response("b", "other", "h2");
  batch.add() = response("a", "second", "h3"); // the later row wins
  row_counts counts;
  writer.write(batch);
  writer.commit(counts);
  CHECK(counts.added == 2);
  CHECK(counts.updated == 1);
  CHECK(count(*db, "SELECT count(*) FROM responses") == 2);
  CHECK(count(*db, "SELECT count(*) FROM responses WHERE text = 'second'") == 1);
  // One key per stored response: the replaced row's key went with it.
  CHECK(count(*db, "SELECT count(*) FROM response_keys") == 2);
  CHECK(count(*db, "SELECT count(*) FROM response_keys k JOIN responses r ON r.id = k.id AND "
                   "r.key_hash = k.key_hash") == 2);
}

TEST_CASE("store: migrating a version-2 store: key table, settings, scores by metric") {
  temp_db t;
  {
    auto db = open_store(t.path);
    add_run(*db);
    // Back to version 2: the key index, no key table, no settings, score rows
    // clustered by response with a metric index.
    db->exec(R"sql(
DROP TRIGGER responses_drop_set_aside_key; DROP TABLE import_keys; DROP TABLE import_key_parts;
DROP TRIGGER responses_drop_key; DROP TABLE response_keys; DROP TABLE settings;
CREATE INDEX responses_key ON responses(key_hash);
DROP TRIGGER responses_drop_scores; DROP TABLE dropped_responses;
DROP TABLE score_pages; DROP TABLE score_metrics;
CREATE TABLE scores (
  response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  analyzer TEXT NOT NULL, metric TEXT NOT NULL, analyzer_version TEXT NOT NULL,
  value REAL, label TEXT, evidence TEXT,
  PRIMARY KEY (response_id, analyzer, metric)) WITHOUT ROWID;
CREATE INDEX scores_metric ON scores(analyzer, metric, value);
PRAGMA user_version = 2;
INSERT INTO responses (source, key, key_hash, content_hash, kind, run_id) VALUES
  ('s', 'a', 11, 'h1', 'survey', 1), ('s', 'b', 22, 'h2', 'survey', 1);
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, label)
  SELECT id, 'nps', 'nps_class', '1', 1, 'promoter' FROM responses;
)sql");
  }
  auto db = open_store(t.path);
  CHECK(db->user_version() == schema_version());
  CHECK(count(*db, "SELECT count(*) FROM response_keys") == 2);
  CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name IN ('responses_key', "
                   "'scores_metric')") == 0);
  CHECK(count(*db, "SELECT count(*) FROM settings") == 0);
  CHECK(count(*db, "SELECT count(*) FROM sqlite_master WHERE name = 'scores'") == 0);
  unpack_scores(*db);
  CHECK(count(*db, "SELECT count(*) FROM scores WHERE label = 'promoter'") == 2);
  // Deleting a response takes its key with it, and its scores at the next purge.
  db->exec("DELETE FROM responses WHERE key = 'a'");
  CHECK(count(*db, "SELECT count(*) FROM response_keys") == 1);
  score_store(*db).purge_dropped();
  unpack_scores(*db);
  CHECK(count(*db, "SELECT count(*) FROM scores") == 1);
  CHECK(count(*db, "SELECT response_id FROM scores") ==
        count(*db, "SELECT id FROM responses WHERE key = 'b'"));
}

TEST_CASE("sqlite: a parameter bound to NULL again, then text, then NULL, is what was bound") {
  temp_db t;
  sql::sqlite_connection db(t.path);
  db.exec("CREATE TABLE t (n INTEGER, x TEXT)");
  auto insert = db.prepare("INSERT INTO t (n, x) VALUES (?1, ?2)");
  const std::string text = "kept";
  insert.bind(1, int64_t{1}).bind_null(2).run();
  insert.bind(1, int64_t{2}).bind_null(2).run(); // skipped: NULL already
  insert.bind(1, int64_t{3}).bind(2, text).run();
  insert.bind(1, int64_t{4}).bind_null(2).run(); // NULL again after text
  insert.bind(1, int64_t{5}).bind_or_null(2, "").run();
  CHECK(count(db, "SELECT count(*) FROM t WHERE x IS NULL") == 4);
  CHECK(count(db, "SELECT n FROM t WHERE x = 'kept'") == 3);
}

TEST_CASE("store: a role that first appears in a later batch is stored too") {
  temp_db t;
  auto db = open_store(t.path);
  auto run = add_run(*db);
  response_writer writer(*db, run, "s");
  staged_batch first, later;
  first.add() = response("a", "", "h1"); // no text, no segment
  auto &b = later.add();
  b = response("b", "late text", "h2");
  b.roles[REBUY_ROLE_SEGMENT] = "SMB";
  b.nps = 9;
  row_counts counts;
  writer.write(first);
  writer.write(later);
  writer.commit(counts);
  CHECK(counts.added == 2);
  CHECK(count(*db, "SELECT count(*) FROM responses WHERE key = 'b' AND text = 'late text' AND "
                   "segment = 'SMB' AND nps = 9") == 1);
  CHECK(count(*db, "SELECT count(*) FROM responses WHERE key = 'a' AND text IS NULL") == 1);
}
