#pragma once
// Work on the store shared with a second connection in another thread, so that both cores work.
#include "store/sql.hpp"

#include <cstdint>
#include <future>
#include <memory>

namespace rebuy::core {

namespace detail {
template <typename Work>
auto run_beside(std::shared_ptr<sql::connection> second, sql::connection &db, Work work)
    -> std::future<decltype(work(db))> {
  if (!second) return std::async(std::launch::deferred, [&db, work] { return work(db); });
  return std::async(std::launch::async, [second, work] { return work(*second); });
}
} // namespace detail

// Runs read(connection) on a second, read-only connection in another thread when the store can
// open one; else later, on db, when the result is asked for. The second connection sees what was
// committed when it first reads, not db's uncommitted writes.
template <typename Read>
auto read_beside(sql::connection &db, Read read) -> std::future<decltype(read(db))> {
  return detail::run_beside(db.open_reader(), db, read);
}

// The same while db's transaction writes: on a second connection only where it reads without
// waiting for that transaction (db.reads_beside_writes()), else later, on db.
template <typename Work>
auto work_beside(sql::connection &db, Work work) -> std::future<decltype(work(db))> {
  return detail::run_beside(db.reads_beside_writes() ? db.open_reader() : nullptr, db, work);
}

// The responses' ids, first to last (none: last < first).
struct response_ids {
  int64_t first = 0, last = -1;
};
inline response_ids stored_response_ids(sql::connection &db) {
  response_ids out;
  // Apart: SQLite finds a lone min() or max() at an end of the table, both together by a scan.
  auto ids = db.prepare("SELECT (SELECT min(id) FROM responses), (SELECT max(id) FROM responses)");
  if (ids.step() && !ids.is_null(0)) out.first = ids.column_int(0), out.last = ids.column_int(1);
  return out;
}

// The same ids split into the halves (first - 1, middle] and (middle, last] that two connections
// work on.
struct response_id_halves {
  int64_t first = 0, middle = 0, last = -1;
};
inline response_id_halves halve_response_ids(sql::connection &db) {
  const response_ids ids = stored_response_ids(db);
  return {ids.first, ids.first + (ids.last - ids.first) / 2, ids.last};
}

} // namespace rebuy::core
