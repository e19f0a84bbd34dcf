#include "store/run_log.hpp"

namespace rebuy::core {

int64_t begin_run(sql::connection &db, const import_run &run) {
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
  return db.last_insert_rowid();
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
