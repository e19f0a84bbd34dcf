#pragma once
// The SQLite store: a connection to one file, and what only SQLite has (its
// handle, pragmas, pointers bound for table-valued functions).
#include "store/sql.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

namespace rebuy::core::sql {

class sqlite_connection final : public connection {
public:
  explicit sqlite_connection(const std::filesystem::path &path, bool read_only = false,
                             std::chrono::milliseconds busy_timeout = default_busy_timeout);
  ~sqlite_connection() override;

  sql::dialect dialect() const override { return dialect::sqlite; }
  void exec(const char *sql) override;
  statement prepare(std::string_view sql) override;
  int64_t last_insert_rowid() override { return sqlite3_last_insert_rowid(db_); }
  int64_t changes() const override { return sqlite3_changes64(db_); }
  int user_version() override;
  void set_user_version(int version) override;
  // Past a second of waiting, the wait is announced once (as a warning).
  void set_busy_timeout(std::chrono::milliseconds timeout) override;
  std::unique_ptr<connection> open_reader() const override;
  bool reads_beside_writes() override { return pragma("PRAGMA journal_mode") == "wal"; }
  void begin(bool immediate) override { exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void commit() override { exec("COMMIT"); }
  void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

  // Runs a PRAGMA and returns its first value as text ("" when it returns none).
  std::string pragma(const char *sql);
  sqlite3 *handle() const { return db_; }

private:
  static int wait_for_lock(void *self, int attempt) noexcept;
  sqlite3 *db_ = nullptr;
  std::chrono::steady_clock::time_point busy_since_;
  bool wait_announced_ = false;
};

// The SQLite connection behind `db`; throws when the store is another database.
sqlite_connection &sqlite_of(connection &db);

// A pointer only SQL functions that name `type` can see (sqlite3_bind_pointer).
void bind_pointer(statement &s, int index, void *pointer, const char *type);

} // namespace rebuy::core::sql
