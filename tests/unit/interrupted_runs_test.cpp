// Runs whose process died: found on the next open, marked 'interrupted' with
// what they committed; runs still alive are left alone.
#include "store/response_key.hpp"
#include "store/response_writer.hpp"
#include "store/run_log.hpp"
#include "store/schema.hpp"
#include "store/store.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

// Commits `rows` responses and one reject for the run.
void commit_rows(sql::connection &db, int64_t run, int rows, row_counts &counts) {
  response_writer writer(db, run, "s");
  staged_batch batch;
  for (int i = 0; i < rows; ++i) {
    auto &r = batch.add();
    r.key = "k" + std::to_string(i);
    r.key_hash = response_key_hash("s", r.key);
    r.content_hash = "h" + std::to_string(i);
    r.attributes = "{}";
  }
  batch.rejects = {{9, "expected 3 fields, found 2", "x,y"}};
  writer.write(batch);
  writer.commit(counts);
}

std::string status_of(sql::connection &db, int64_t run) {
  return text_of(db, "SELECT status FROM import_runs WHERE id = " + std::to_string(run));
}

} // namespace

TEST_CASE("interrupted runs: a run whose process was killed is marked with what it committed") {
  temp_db t;
  open_store(t.path);
  // The child starts a run, commits 3 rows and a reject, commits nothing more
  // and is killed: what a kill -9 between two commits leaves.
  in_killed_child([&] {
    auto db = open_store(t.path);
    run_lease lease;
    const int64_t run = begin_run(*db, sample_run(), lease);
    row_counts counts;
    commit_rows(*db, run, 3, counts);
    response_writer writer(*db, run, "s");
    staged_batch uncommitted;
    uncommitted.rejects = {{10, "never committed", "z"}};
    writer.write(uncommitted);
  });

  auto db = open_store(t.path);
  CHECK(status_of(*db, 1) == "interrupted");
  CHECK(count(*db, "SELECT rows_in FROM import_runs WHERE id = 1") == 4);
  CHECK(count(*db, "SELECT rows_new FROM import_runs WHERE id = 1") == 3);
  CHECK(count(*db, "SELECT rows_rejected FROM import_runs WHERE id = 1") == 1);
  CHECK(text_of(*db, "SELECT message FROM import_runs WHERE id = 1").find("4 rows") !=
        std::string::npos);
  CHECK(list_runs(*db).at(0).counts.rows_in() == 4);
}

TEST_CASE(
    "interrupted runs: a run still being written is not touched, in this process or another") {
  temp_db t;
  auto db = open_store(t.path);
  run_lease lease;
  const int64_t run = begin_run(*db, sample_run(), lease);
  row_counts counts;
  commit_rows(*db, run, 2, counts);

  CHECK(mark_interrupted_runs(*open_store(t.path)) == 0);
  CHECK(status_of(*db, run) == "running");
  // Another process looks at it too: the lock is the process's, not a pid.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) ::_exit(mark_interrupted_runs(*open_store(t.path)) == 0 ? 0 : 1);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  CHECK(status_of(*db, run) == "running");

  // Its writer gone (the lease dropped as an exit drops it): the next open marks it.
  lease = run_lease();
  open_store(t.path);
  CHECK(status_of(*db, run) == "interrupted");
  CHECK(count(*db, "SELECT rows_in FROM import_runs") == 3);
}

TEST_CASE("interrupted runs: a finished run stays as it was") {
  temp_db t;
  auto db = open_store(t.path);
  run_lease lease;
  auto run = sample_run();
  run.id = begin_run(*db, run, lease);
  commit_rows(*db, run.id, 2, run.counts);
  run.status = "done";
  finish_run(*db, run);
  lease = run_lease();
  CHECK(mark_interrupted_runs(*db) == 0);
  CHECK(status_of(*db, run.id) == "done");
}

TEST_CASE("interrupted runs: a run left by an older rebuy is counted by its run id") {
  temp_db t;
  {
    auto db = open_store(t.path);
    // As a version-6 store keeps it: the CHECK without 'interrupted', a run
    // that stayed 'running' with no counts, rows that name it, and a reject.
    db->exec(R"sql(
PRAGMA foreign_keys = OFF;
DROP TRIGGER responses_drop_set_aside_key; DROP TABLE import_keys; DROP TABLE import_key_parts;
DROP TABLE import_runs;
CREATE TABLE import_runs (
  id INTEGER PRIMARY KEY, file TEXT NOT NULL, file_size INTEGER, sha256 TEXT, encoding TEXT,
  importer TEXT NOT NULL, importer_version TEXT NOT NULL, source TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  rows_in INTEGER NOT NULL DEFAULT 0, rows_new INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0, rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0, rows_skipped INTEGER NOT NULL DEFAULT 0,
  values_rejected INTEGER NOT NULL DEFAULT 0, invalid_bytes INTEGER NOT NULL DEFAULT 0,
  mapping TEXT, message TEXT, rows_merged INTEGER NOT NULL DEFAULT 0);
INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, status,
  rows_in, rows_new) VALUES
  (1, 'a.csv', 'csv', '1', 's', '2026-01-01T00:00:00Z', 'done', 1, 1),
  (2, 'b.csv', 'csv', '1', 's', '2026-01-02T00:00:00Z', 'running', 0, 0);
INSERT INTO responses (source, key, key_hash, content_hash, kind, run_id) VALUES
  ('s', 'a', 11, 'h1', 'survey', 1), ('s', 'b', 22, 'h2', 'survey', 2),
  ('s', 'c', 33, 'h3', 'survey', 2);
INSERT INTO rejects (run_id, line, kind, reason) VALUES (2, 4, 'row', 'bad'),
  (2, 5, 'skip', 'preview');
PRAGMA user_version = 6;
)sql");
  }
  auto db = open_store(t.path);
  CHECK(db->user_version() == schema_version());
  // The rebuild kept every run and every reject (dropping the old table did not cascade).
  CHECK(count(*db, "SELECT count(*) FROM import_runs") == 2);
  CHECK(count(*db, "SELECT count(*) FROM rejects") == 2);
  CHECK(status_of(*db, 1) == "done");
  CHECK(status_of(*db, 2) == "interrupted");
  CHECK(count(*db, "SELECT rows_new FROM import_runs WHERE id = 2") == 2);
  CHECK(count(*db, "SELECT rows_in FROM import_runs WHERE id = 2") == 4);
  CHECK(pragma(*db, "PRAGMA foreign_keys") == "1");
  CHECK(pragma(*db, "PRAGMA integrity_check") == "ok");
  CHECK_THROWS(db->exec("UPDATE import_runs SET status = 'lost' WHERE id = 1"));
}
