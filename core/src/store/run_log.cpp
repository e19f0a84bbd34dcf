#include "store/run_log.hpp"

#include "util/format_count.hpp"
#include "util/timestamp.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace rebuy::core {
namespace {

// A store only this connection can see has no other process to outlive it.
bool shared_file(const sql::connection &db) {
  return db.dialect() == sql::dialect::sqlite && !db.path().empty() && db.path() != ":memory:";
}

// On PostgreSQL the writer's session holds an advisory lock on (this, run id)
// instead of a byte of a lock file: the server drops it when the session ends,
// however the process ends, wherever it ran.
constexpr const char *run_lock_space = "1919246965";

bool server_lock(sql::connection &db, const char *function, int64_t id) {
  auto s = db.prepare(fmt::format("SELECT {}({}, CAST(?1 AS INTEGER))", function, run_lock_space));
  s.bind(1, id);
  s.step();
  return s.column_int(0) != 0;
}

std::vector<int64_t> running_runs(sql::connection &db) {
  auto s = db.prepare("SELECT id FROM import_runs WHERE status = 'running' ORDER BY id");
  std::vector<int64_t> ids;
  while (s.step())
    ids.push_back(s.column_int(0));
  return ids;
}

// What run `id` committed: the counts it recorded with each commit, or, for a
// run of an rebuy from before those (rows_in still 0), its rows counted by
// run id: responses and orders it stored (as new; which of them replaced an
// edited row is not recorded) and its rejects. Rows it found unchanged left no trace.
row_counts committed_counts(sql::connection &db, int64_t id) {
  auto recorded = db.prepare("SELECT rows_in, rows_new, rows_updated, rows_unchanged, "
                             "rows_rejected, rows_skipped, values_rejected, rows_merged "
                             "FROM import_runs WHERE id = ?1");
  recorded.bind(1, id);
  row_counts c;
  if (!recorded.step()) return c;
  auto at = [&](int column) { return static_cast<uint64_t>(recorded.column_int(column)); };
  if (at(0) != 0) {
    c.added = at(1), c.updated = at(2), c.unchanged = at(3), c.rejected = at(4);
    c.skipped = at(5), c.values_rejected = at(6), c.merged = at(7);
    return c;
  }
  auto counted = db.prepare("SELECT (SELECT count(*) FROM responses WHERE run_id = ?1) + "
                            "(SELECT count(*) FROM orders WHERE run_id = ?1), "
                            "(SELECT count(*) FROM rejects WHERE run_id = ?1 AND kind = 'row'), "
                            "(SELECT count(*) FROM rejects WHERE run_id = ?1 AND kind = 'skip'), "
                            "(SELECT count(*) FROM rejects WHERE run_id = ?1 AND kind = 'value')");
  counted.bind(1, id);
  counted.step();
  c.added = static_cast<uint64_t>(counted.column_int(0));
  c.rejected = static_cast<uint64_t>(counted.column_int(1));
  c.skipped = static_cast<uint64_t>(counted.column_int(2));
  c.values_rejected = static_cast<uint64_t>(counted.column_int(3));
  return c;
}

std::string interrupted_message(const row_counts &counts) {
  return fmt::format("the process importing it ended before it finished (killed or crashed); "
                     "found on {}: the {} rows it had committed are kept",
                     now_utc(), format_count(counts.rows_in()));
}

void warn_interrupted(int64_t id, const row_counts &counts) {
  spdlog::warn("import run {} was interrupted: {} rows were committed and are kept; import "
               "the file again to finish it",
               id, format_count(counts.rows_in()));
}

} // namespace

row_counts &row_counts::operator+=(const row_counts &o) {
  added += o.added, updated += o.updated, unchanged += o.unchanged, rejected += o.rejected;
  skipped += o.skipped, merged += o.merged, values_rejected += o.values_rejected;
  return *this;
}

int64_t begin_run(sql::connection &db, const import_run &run, run_lease &lease) {
  sql::transaction tx(db);
  auto s = db.prepare("INSERT INTO import_runs (file, file_size, encoding, importer, "
                      "importer_version, source, started_at, status, mapping) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running', ?8)");
  s.bind(1, run.file)
      .bind(2, static_cast<int64_t>(run.file_size))
      .bind(3, run.encoding)
      .bind(4, run.importer)
      .bind(5, run.importer_version)
      .bind(6, run.source)
      .bind(7, run.started_at)
      .bind(8, run.mapping);
  s.run();
  const int64_t id = db.last_insert_rowid();
  if (shared_file(db)) lease = run_lease(db.path(), id);
  if (db.dialect() == sql::dialect::postgres) server_lock(db, "pg_advisory_lock", id);
  tx.commit();
  return id;
}

void record_committed_counts(sql::connection &db, int64_t run_id, const row_counts &c) {
  auto s = db.prepare("UPDATE import_runs SET rows_in = ?2, rows_new = ?3, rows_updated = ?4, "
                      "rows_unchanged = ?5, rows_rejected = ?6, rows_skipped = ?7, "
                      "values_rejected = ?8, rows_merged = ?9 WHERE id = ?1");
  s.bind(1, run_id)
      .bind(2, static_cast<int64_t>(c.rows_in()))
      .bind(3, static_cast<int64_t>(c.added))
      .bind(4, static_cast<int64_t>(c.updated))
      .bind(5, static_cast<int64_t>(c.unchanged))
      .bind(6, static_cast<int64_t>(c.rejected))
      .bind(7, static_cast<int64_t>(c.skipped))
      .bind(8, static_cast<int64_t>(c.values_rejected))
      .bind(9, static_cast<int64_t>(c.merged));
  s.run();
}

void finish_run(sql::connection &db, const import_run &run) {
  auto s =
      db.prepare("UPDATE import_runs SET sha256 = ?2, finished_at = ?3, status = ?4, rows_in = ?5, "
                 "rows_new = ?6, rows_updated = ?7, rows_unchanged = ?8, rows_rejected = ?9, "
                 "rows_skipped = ?10, values_rejected = ?11, invalid_bytes = ?12, mapping = ?13, "
                 "message = ?14, source = ?15, encoding = ?16, rows_merged = ?17 WHERE id = ?1");
  const auto &c = run.counts;
  s.bind(1, run.id)
      .bind_or_null(2, run.sha256)
      .bind(3, run.finished_at)
      .bind(4, run.status)
      .bind(5, static_cast<int64_t>(c.rows_in()))
      .bind(6, static_cast<int64_t>(c.added))
      .bind(7, static_cast<int64_t>(c.updated))
      .bind(8, static_cast<int64_t>(c.unchanged))
      .bind(9, static_cast<int64_t>(c.rejected))
      .bind(10, static_cast<int64_t>(c.skipped))
      .bind(11, static_cast<int64_t>(c.values_rejected))
      .bind(12, static_cast<int64_t>(run.invalid_bytes))
      .bind(13, run.mapping)
      .bind_or_null(14, run.message)
      .bind(15, run.source)
      .bind(16, run.encoding)
      .bind(17, static_cast<int64_t>(c.merged));
  s.run();
}

// On PostgreSQL: runs whose writer's session is gone.
static int mark_interrupted_server_runs(sql::connection &db) {
  std::vector<int64_t> abandoned;
  for (int64_t id : running_runs(db))
    if (server_lock(db, "pg_try_advisory_lock", id)) abandoned.push_back(id);
  if (abandoned.empty()) return 0;
  int marked = 0;
  try {
    sql::transaction tx(db);
    auto mark = db.prepare("UPDATE import_runs SET status = 'interrupted', message = ?2 "
                           "WHERE id = ?1 AND status = 'running'");
    for (int64_t id : abandoned) {
      const row_counts counts = committed_counts(db, id);
      record_committed_counts(db, id, counts);
      const std::string why = interrupted_message(counts);
      mark.bind(1, id).bind(2, std::string_view(why)).run();
      marked += db.changes() > 0;
      warn_interrupted(id, counts);
    }
    tx.commit();
  } catch (const sql::error &e) {
    // A role that may only read (a reporting user) leaves them to the next writer.
    if (!e.write_refused()) throw;
    spdlog::debug("{}: cannot mark interrupted runs: {}", db.name(), e.what());
    marked = 0;
  }
  for (int64_t id : abandoned)
    server_lock(db, "pg_advisory_unlock", id);
  return marked;
}

int mark_interrupted_runs(sql::connection &db) {
  if (db.dialect() == sql::dialect::postgres) return mark_interrupted_server_runs(db);
  if (!shared_file(db)) return 0;
  std::vector<int64_t> running = running_runs(db);
  if (running.empty()) return 0;
  run_liveness liveness(db.path());
  if (!liveness.usable()) {
    spdlog::debug("{}: cannot open to see which runs are alive", run_lock_path(db.path()).string());
    return 0;
  }
  // Only when one is abandoned does this wait for a turn to write.
  bool any = false;
  for (int64_t id : running)
    any = liveness.abandoned(id) || any;
  if (!any) return 0;
  sql::transaction tx(db);
  auto mark = db.prepare("UPDATE import_runs SET status = 'interrupted', message = ?2 "
                         "WHERE id = ?1 AND status = 'running'");
  int marked = 0;
  for (int64_t id : running_runs(db)) {
    if (!liveness.abandoned(id)) continue;
    const row_counts counts = committed_counts(db, id);
    record_committed_counts(db, id, counts);
    const std::string why = interrupted_message(counts);
    mark.bind(1, id).bind(2, std::string_view(why)).run();
    warn_interrupted(id, counts);
    ++marked;
  }
  tx.commit();
  return marked;
}

std::vector<import_run> list_runs(sql::connection &db) {
  auto s = db.prepare(
      "SELECT id, file, coalesce(sha256, ''), coalesce(encoding, ''), importer, importer_version, "
      "source, coalesce(file_size, 0), started_at, coalesce(finished_at, ''), status, "
      "coalesce(mapping, '[]'), coalesce(message, ''), rows_new, rows_updated, rows_unchanged, "
      "rows_rejected, rows_skipped, values_rejected, invalid_bytes, rows_merged FROM import_runs "
      "ORDER BY id");
  std::vector<import_run> runs;
  while (s.step()) {
    import_run r;
    r.id = s.column_int(0);
    r.file = s.column_text(1);
    r.sha256 = s.column_text(2);
    r.encoding = s.column_text(3);
    r.importer = s.column_text(4);
    r.importer_version = s.column_text(5);
    r.source = s.column_text(6);
    r.file_size = static_cast<uint64_t>(s.column_int(7));
    r.started_at = s.column_text(8);
    r.finished_at = s.column_text(9);
    r.status = s.column_text(10);
    r.mapping = s.column_text(11);
    r.message = s.column_text(12);
    r.counts.added = static_cast<uint64_t>(s.column_int(13));
    r.counts.updated = static_cast<uint64_t>(s.column_int(14));
    r.counts.unchanged = static_cast<uint64_t>(s.column_int(15));
    r.counts.rejected = static_cast<uint64_t>(s.column_int(16));
    r.counts.skipped = static_cast<uint64_t>(s.column_int(17));
    r.counts.values_rejected = static_cast<uint64_t>(s.column_int(18));
    r.invalid_bytes = static_cast<uint64_t>(s.column_int(19));
    r.counts.merged = static_cast<uint64_t>(s.column_int(20));
    runs.push_back(std::move(r));
  }
  return runs;
}

} // namespace rebuy::core
