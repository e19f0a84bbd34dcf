#include "store/schema.hpp"

#include "store/schema_postgres.hpp"
#include "store/score_store.hpp"
#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <iterator>

namespace rebuy::core {
namespace {

// 5 -> 6, after its SQL: the score rows become pages.
void move_scores_to_pages(sql::connection &db) {
  pack_score_rows(db, "scores");
  db.exec("DROP TABLE scores");
}

struct migration {
  const char *sql;
  void (*then)(sql::connection &) = nullptr; // what SQL alone cannot do
};

// Migration N brings the schema from version N to N + 1. Never edit a
// migration that has shipped: append a new one. docs/store.md documents the result.
const migration migrations[] = {
    // 0 -> 1: the first schema.
    {R"sql(
CREATE TABLE import_runs (
  id               INTEGER PRIMARY KEY,
  file             TEXT NOT NULL,
  file_size        INTEGER,
  sha256           TEXT,
  encoding         TEXT,
  importer         TEXT NOT NULL,
  importer_version TEXT NOT NULL,
  source           TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  status           TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  rows_in          INTEGER NOT NULL DEFAULT 0,
  rows_new         INTEGER NOT NULL DEFAULT 0,
  rows_updated     INTEGER NOT NULL DEFAULT 0,
  rows_unchanged   INTEGER NOT NULL DEFAULT 0,
  rows_rejected    INTEGER NOT NULL DEFAULT 0,
  rows_skipped     INTEGER NOT NULL DEFAULT 0,
  values_rejected  INTEGER NOT NULL DEFAULT 0,
  invalid_bytes    INTEGER NOT NULL DEFAULT 0,
  mapping          TEXT,
  message          TEXT
);

CREATE TABLE responses (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  source         TEXT NOT NULL,
  key            TEXT NOT NULL,
  key_hash       INTEGER NOT NULL,
  external_id    TEXT,
  content_hash   TEXT NOT NULL,
  kind           TEXT NOT NULL,
  run_id         INTEGER NOT NULL REFERENCES import_runs(id),
  line           INTEGER,
  customer       TEXT,
  submitted_at   TEXT,
  submitted_raw  TEXT,
  nps            INTEGER CHECK (nps BETWEEN 0 AND 10),
  buy_again      TEXT,
  rating         REAL,
  rating_max     REAL,
  recommend      TEXT,
  csat           TEXT,
  ces            TEXT,
  ces_version    TEXT,
  title          TEXT,
  text           TEXT,
  product        TEXT,
  segment        TEXT,
  journey_stage  TEXT,
  order_id       TEXT,
  order_value    REAL,
  order_count    INTEGER,
  country        TEXT,
  language       TEXT,
  channel        TEXT,
  attributes     TEXT NOT NULL DEFAULT '{}'
);
-- (source, key) is unique; the store enforces it through this small integer
-- index, which a bulk import updates far faster than one on the text itself.
CREATE INDEX responses_key ON responses(key_hash);

CREATE TABLE rejects (
  id      INTEGER PRIMARY KEY,
  run_id  INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  line    INTEGER,
  kind    TEXT NOT NULL CHECK (kind IN ('row', 'skip', 'value')),
  reason  TEXT NOT NULL,
  raw     TEXT
);
CREATE INDEX rejects_run ON rejects(run_id);

CREATE TABLE scores (
  response_id      INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  analyzer         TEXT NOT NULL,
  metric           TEXT NOT NULL,
  analyzer_version TEXT NOT NULL,
  value            REAL,
  label            TEXT,
  evidence         TEXT,
  PRIMARY KEY (response_id, analyzer, metric)
) WITHOUT ROWID;
CREATE INDEX scores_metric ON scores(analyzer, metric, value);

-- Response ids only grow (AUTOINCREMENT) and an edited response is stored
-- anew, so "analyzed every response up to this id" says all there is to say.
CREATE TABLE analyzer_state (
  analyzer          TEXT PRIMARY KEY,
  analyzer_version  TEXT NOT NULL,
  analyzed_through  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
)sql"},
    // 1 -> 2: orders, and post-purchase answers merged into one response per order.
    {R"sql(
CREATE TABLE orders (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  order_id     TEXT NOT NULL,
  customer     TEXT,
  ordered_at   TEXT,
  ordered_raw  TEXT,
  amount       REAL,
  content_hash TEXT NOT NULL,
  run_id       INTEGER NOT NULL REFERENCES import_runs(id),
  line         INTEGER,
  attributes   TEXT NOT NULL DEFAULT '{}',
  UNIQUE (source, order_id)
);
CREATE INDEX orders_customer ON orders(customer, ordered_at);
ALTER TABLE import_runs ADD COLUMN rows_merged INTEGER NOT NULL DEFAULT 0;
)sql"},
    // 2 -> 3: the key index becomes a table the writer fills itself, sorted,
    // once per commit: a million inserts at random places in an index cost
    // about four times as much as the same inserts in order.
    {R"sql(
CREATE TABLE response_keys (
  key_hash INTEGER NOT NULL,
  id       INTEGER NOT NULL,
  PRIMARY KEY (key_hash, id)
) WITHOUT ROWID;
INSERT INTO response_keys SELECT key_hash, id FROM responses ORDER BY key_hash, id;
DROP INDEX responses_key;
CREATE TRIGGER responses_drop_key AFTER DELETE ON responses BEGIN
  DELETE FROM response_keys WHERE key_hash = old.key_hash AND id = old.id;
END;
)sql"},
    // 3 -> 4: settings that belong to the store, such as the horizon of "ordered again".
    {R"sql(
CREATE TABLE settings (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
    // 4 -> 5: scores clustered by metric, then response. Analysis appends to
    // each metric's run instead of inserting into a metric index at random
    // places (four times faster), and a report reads a metric as one range.
    {R"sql(
CREATE TABLE scores_by_metric (
  response_id      INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
  analyzer         TEXT NOT NULL,
  metric           TEXT NOT NULL,
  analyzer_version TEXT NOT NULL,
  value            REAL,
  label            TEXT,
  evidence         TEXT,
  PRIMARY KEY (analyzer, metric, response_id)
) WITHOUT ROWID;
INSERT INTO scores_by_metric (response_id, analyzer, metric, analyzer_version, value, label,
  evidence)
SELECT response_id, analyzer, metric, analyzer_version, value, label, evidence FROM scores
ORDER BY analyzer, metric, response_id;
DROP TABLE scores;
ALTER TABLE scores_by_metric RENAME TO scores;
CREATE INDEX scores_response ON scores(response_id);
)sql"},
    // 5 -> 6: scores kept compactly, as a page per metric and run of responses
    // (store/score_page.hpp): a tenth of the size, and nothing repeated per score.
    {R"sql(
CREATE TABLE score_metrics (
  id       INTEGER PRIMARY KEY,
  analyzer TEXT NOT NULL,
  metric   TEXT NOT NULL,
  UNIQUE (analyzer, metric)
);
CREATE TABLE score_pages (
  id        INTEGER PRIMARY KEY,
  metric_id INTEGER NOT NULL REFERENCES score_metrics(id),
  first_id  INTEGER NOT NULL,
  last_id   INTEGER NOT NULL,
  scores    INTEGER NOT NULL,
  labelled  INTEGER NOT NULL,
  data      BLOB NOT NULL,
  evidence  BLOB NOT NULL
);
CREATE UNIQUE INDEX score_pages_range ON score_pages(metric_id, first_id, last_id);
-- Responses deleted (an edited one is stored anew) whose scores are still to go.
CREATE TABLE dropped_responses (id INTEGER PRIMARY KEY);
CREATE TRIGGER responses_drop_scores AFTER DELETE ON responses BEGIN
  INSERT OR IGNORE INTO dropped_responses VALUES (old.id);
END;
)sql",
     move_scores_to_pages},
    // 6 -> 7: a run whose process died is 'interrupted'. A CHECK constraint
    // cannot be altered, so import_runs is rebuilt as SQLite's 12-step procedure
    // says; migrate() turns foreign keys off around it, or dropping the old table
    // would cascade to every reject.
    {R"sql(
CREATE TABLE import_runs_new (
  id               INTEGER PRIMARY KEY,
  file             TEXT NOT NULL,
  file_size        INTEGER,
  sha256           TEXT,
  encoding         TEXT,
  importer         TEXT NOT NULL,
  importer_version TEXT NOT NULL,
  source           TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  finished_at      TEXT,
  status           TEXT NOT NULL
                   CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'interrupted')),
  rows_in          INTEGER NOT NULL DEFAULT 0,
  rows_new         INTEGER NOT NULL DEFAULT 0,
  rows_updated     INTEGER NOT NULL DEFAULT 0,
  rows_unchanged   INTEGER NOT NULL DEFAULT 0,
  rows_rejected    INTEGER NOT NULL DEFAULT 0,
  rows_skipped     INTEGER NOT NULL DEFAULT 0,
  values_rejected  INTEGER NOT NULL DEFAULT 0,
  invalid_bytes    INTEGER NOT NULL DEFAULT 0,
  mapping          TEXT,
  message          TEXT,
  rows_merged      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO import_runs_new (id, file, file_size, sha256, encoding, importer, importer_version,
  source, started_at, finished_at, status, rows_in, rows_new, rows_updated, rows_unchanged,
  rows_rejected, rows_skipped, values_rejected, invalid_bytes, mapping, message, rows_merged)
SELECT id, file, file_size, sha256, encoding, importer, importer_version, source, started_at,
  finished_at, status, rows_in, rows_new, rows_updated, rows_unchanged, rows_rejected,
  rows_skipped, values_rejected, invalid_bytes, mapping, message, rows_merged FROM import_runs;
DROP TABLE import_runs;
ALTER TABLE import_runs_new RENAME TO import_runs;
)sql"},
    // 7 -> 8: an import's keys wait beside response_keys until it ends, one part per
    // commit, each part appended in key order (store/set_aside_keys.hpp). A response
    // deleted meanwhile takes its waiting key along: its part is the last one that
    // starts at or below its id.
    {R"sql(
CREATE TABLE import_keys (
  part     INTEGER NOT NULL,
  key_hash INTEGER NOT NULL,
  id       INTEGER NOT NULL,
  PRIMARY KEY (part, key_hash, id)
) WITHOUT ROWID;
CREATE TABLE import_key_parts (
  part   INTEGER PRIMARY KEY, -- the first response id of the part
  run_id INTEGER NOT NULL
);
CREATE TRIGGER responses_drop_set_aside_key AFTER DELETE ON responses BEGIN
  DELETE FROM import_keys WHERE part = (SELECT max(part) FROM import_key_parts
    WHERE part <= old.id) AND key_hash = old.key_hash AND id = old.id;
END;
)sql"},
};

} // namespace

int schema_version() { return static_cast<int>(std::size(migrations)); }

void migrate(sql::connection &db) {
  if (db.dialect() == sql::dialect::postgres) return migrate_postgres(db, schema_version());
  auto &lite = sql::sqlite_of(db);
  int version = db.user_version();
  if (version > schema_version())
    throw sql::error(fmt::format(
        "{}: the database has schema version {}, newer than this rebuy understands ({}); "
        "use a newer rebuy",
        db.name(), version, schema_version()));
  if (version == schema_version()) return;
  // A migration may rebuild a table others refer to (keeping every id), and
  // dropping the old one must not cascade. A transaction ignores this pragma,
  // so it is set around them.
  const bool keys_on = lite.pragma("PRAGMA foreign_keys") == "1";
  db.exec("PRAGMA foreign_keys = OFF");
  struct keys_back {
    sql::sqlite_connection &db;
    bool on;
    ~keys_back() {
      if (on) sqlite3_exec(db.handle(), "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
    }
  } restore{lite, keys_on};
  for (; version < schema_version(); ++version) {
    sql::transaction tx(db);
    db.exec(migrations[version].sql);
    if (migrations[version].then) migrations[version].then(db);
    db.set_user_version(version + 1);
    tx.commit();
  }
}

} // namespace rebuy::core
