#pragma once
// The import_runs table: one row per `rebuy import` of one file.
#include "store/run_lease.hpp"
#include "store/sql.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace rebuy::core {

struct row_counts {
  uint64_t added = 0, updated = 0, unchanged = 0, rejected = 0, skipped = 0;
  uint64_t merged = 0; // rows added to a response stored under the same key (post-purchase answers)
  uint64_t values_rejected = 0;
  uint64_t stored() const { return added + updated + unchanged + merged; }
  uint64_t rows_in() const { return stored() + rejected + skipped; }
  row_counts &operator+=(const row_counts &o);
};

struct import_run {
  int64_t id = 0;
  std::string file, sha256, encoding, importer, importer_version, source;
  uint64_t file_size = 0;
  std::string started_at, finished_at, status = "running", mapping = "[]", message;
  row_counts counts;
  uint64_t invalid_bytes = 0;
};

// Inserts the run as 'running' and returns its id. `lease` then holds the run's
// lock (run_lease.hpp), taken before the row is visible to anyone else.
int64_t begin_run(sql::connection &db, const import_run &run, run_lease &lease);
// The counts committed so far, written in the transaction that commits them,
// so that a run whose process dies says what it stored.
void record_committed_counts(sql::connection &db, int64_t run_id, const row_counts &counts);
// Records the final status, counts and details.
void finish_run(sql::connection &db, const import_run &run);
// Marks 'interrupted' every 'running' run whose process is gone, with the counts
// it committed. Returns how many. Called whenever the store is opened.
int mark_interrupted_runs(sql::connection &db);
std::vector<import_run> list_runs(sql::connection &db);

} // namespace rebuy::core
