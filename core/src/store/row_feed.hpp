#pragma once
// Rows in memory as a table-valued function, for INSERT ... SELECT: SQLite
// reads each value where it lies, where a plain INSERT needs a bind per value
// and a statement run per row. A million 31-column rows go in a third faster.
//
//   register_row_feed(db, "staged_keys", "key_hash, id");
//   auto s = db.prepare("INSERT INTO t SELECT key_hash, id FROM staged_keys(?1)");
//   bind_row_source(s, 1, source); s.run();
#include "store/sqlite.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace rebuy::core {

class row_source {
public:
  virtual ~row_source() = default;
  virtual size_t size() const = 0;
  // Sets the value of `column` (0-based, in the order registered) of `row` with
  // sqlite3_result_*. Text may be SQLITE_STATIC: it outlives the statement run.
  virtual void column(size_t row, int column, sqlite3_context *ctx) const = 0;
};

// Pairs of integers, such as a key table's (key_hash, id).
struct int_pair_rows final : row_source {
  std::vector<std::pair<int64_t, int64_t>> rows;
  size_t size() const override { return rows.size(); }
  void column(size_t row, int column, sqlite3_context *ctx) const override {
    sqlite3_result_int64(ctx, column == 0 ? rows[row].first : rows[row].second);
  }
};

// `columns`: a comma-separated list of column names, kept for the connection's life.
void register_row_feed(sql::connection &db, const char *name, const char *columns);

// The source must stay alive (and unmoved) while the statement may run.
void bind_row_source(sql::statement &statement, int index, const row_source &source);

} // namespace rebuy::core
