#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements
// and transactions. Errors become exceptions that carry SQLite's message.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rebuy::core::sql {

class error : public std::runtime_error {
public:
  explicit error(const std::string &message, int code = SQLITE_ERROR, int system_errno = 0)
      : std::runtime_error(message), code_(code), system_errno_(system_errno) {}
  // SQLite's extended result code (SQLITE_BUSY, SQLITE_FULL, SQLITE_IOERR_WRITE, ...).
  int code() const noexcept { return code_; }
  // The operating system's errno behind an I/O error; 0 when there is none.
  int system_errno() const noexcept { return system_errno_; }

private:
  int code_, system_errno_;
};

class statement;

class connection {
public:
  // How long a statement waits for another connection's lock by default: long
  // enough for another import to finish, so concurrent imports take turns.
  static constexpr std::chrono::milliseconds default_busy_timeout{120000};

  explicit connection(const std::filesystem::path &path, bool read_only = false,
                      std::chrono::milliseconds busy_timeout = default_busy_timeout);
  ~connection();
  connection(const connection &) = delete;
  connection &operator=(const connection &) = delete;

  void exec(const char *sql);
  statement prepare(std::string_view sql);
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  int user_version();
  // Runs a PRAGMA and returns its first value as text ("" when it returns none).
  std::string pragma(const char *sql);
  // How long a statement waits for another connection's lock before SQLITE_BUSY.
  // Past a second of waiting, the wait is announced once (as a warning).
  void set_busy_timeout(std::chrono::milliseconds timeout);
  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
  sqlite3 *handle() const { return db_; }
  const std::filesystem::path &path() const { return path_; }

private:
  static int wait_for_lock(void *self, int attempt) noexcept;
  sqlite3 *db_ = nullptr;
  std::filesystem::path path_;
  std::chrono::milliseconds busy_timeout_{0};
  std::chrono::steady_clock::time_point busy_since_;
  bool wait_announced_ = false;
};

class statement {
public:
  statement(sqlite3 *db, std::string_view sql);
  ~statement();
  statement(statement &&other) noexcept;
  statement &operator=(statement &&) = delete;
  statement(const statement &) = delete;

  // Binding is 1-based, like SQLite. Text is bound without copying (SQLITE_STATIC):
  // the caller keeps it alive until the step that uses it.
  statement &bind(int index, std::string_view text);
  // A temporary would be gone before the step: keep the text in a variable.
  statement &bind(int index, std::string &&text) = delete;
  statement &bind(int index, int64_t value);
  statement &bind(int index, double value);
  statement &bind_null(int index);
  // Bytes as a BLOB, without copying (SQLITE_STATIC), like text.
  statement &bind_blob(int index, std::string_view bytes);
  // Binds text, or NULL when empty.
  statement &bind_or_null(int index, std::string_view text);
  statement &bind(int index, const std::optional<double> &value);
  statement &bind(int index, const std::optional<int64_t> &value);
  // A pointer only SQL functions that name `type` can see (sqlite3_bind_pointer).
  statement &bind_pointer(int index, void *pointer, const char *type);

  // True while a row is available.
  bool step();
  // Steps to completion (for statements that return no rows).
  void run();
  void reset();

  bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int column_type(int column) const { return sqlite3_column_type(stmt_, column); }
  int64_t column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double column_double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string_view column_text(int column) const;
  std::string_view column_blob(int column) const;
  std::optional<double> column_optional_double(int column) const;
  int column_count() const { return sqlite3_column_count(stmt_); }
  const char *column_name(int column) const { return sqlite3_column_name(stmt_, column); }

private:
  void check(int rc);
  void mark_null(int index, bool is_null);
  sqlite3 *db_;
  sqlite3_stmt *stmt_ = nullptr;
  uint64_t null_bound_ = 0; // bit i: parameter i + 1 is bound to NULL
};

// Commits on commit(); rolls back if destroyed before.
class transaction {
public:
  explicit transaction(connection &db, bool immediate = true);
  ~transaction();
  void commit();

private:
  connection &db_;
  bool open_ = true;
};

} // namespace rebuy::core::sql
