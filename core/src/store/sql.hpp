#pragma once
// The store's one seam to its database: a connection, prepared statements and
// transactions, over SQLite (store/sqlite.hpp) or PostgreSQL (store/postgres.hpp).
// Statements use SQLite's numbered parameters (?1, ?2, ...) on both. Errors
// become sql::error, whose code is SQLite's vocabulary on both, so that callers
// can tell a locked or full store from a bug whichever database it is.
#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rebuy::core::sql {

class error : public std::runtime_error {
public:
  explicit error(const std::string &message, int code = SQLITE_ERROR, int system_errno = 0)
      : std::runtime_error(message), code_(code), system_errno_(system_errno) {}
  // SQLite's extended result code (SQLITE_BUSY, SQLITE_FULL, SQLITE_IOERR_WRITE, ...);
  // PostgreSQL's errors are mapped onto the same codes.
  int code() const noexcept { return code_; }
  // The operating system's errno behind an I/O error; 0 when there is none.
  int system_errno() const noexcept { return system_errno_; }
  // The store refused a write: a read-only file, or a role that may only read.
  bool write_refused() const noexcept {
    const int primary = code_ & 0xff;
    return primary == SQLITE_PERM || primary == SQLITE_READONLY;
  }

private:
  int code_, system_errno_;
};

enum class dialect { sqlite, postgres };

// What a statement runs on; each database implements it.
class statement_backend {
public:
  virtual ~statement_backend() = default;
  virtual void bind_text(int index, std::string_view text) = 0;
  virtual void bind_int(int index, int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_null(int index) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
  virtual int column_type(int column) const = 0;
  virtual int64_t column_int(int column) const = 0;
  virtual double column_double(int column) const = 0;
  virtual std::string_view column_text(int column) const = 0;
  virtual std::string_view column_blob(int column) const = 0;
  virtual int column_count() const = 0;
  virtual const char *column_name(int column) const = 0;
};

class statement {
public:
  explicit statement(std::unique_ptr<statement_backend> backend) : backend_(std::move(backend)) {}
  statement(statement &&) noexcept = default;
  statement &operator=(statement &&) = delete;
  statement(const statement &) = delete;

  // Binding is 1-based, like SQLite. Text is bound without copying: the caller
  // keeps it alive until the step that uses it.
  statement &bind(int index, std::string_view text) {
    backend_->bind_text(index, text);
    return *this;
  }
  // A temporary would be gone before the step: keep the text in a variable.
  statement &bind(int index, std::string &&text) = delete;
  statement &bind(int index, int64_t value) {
    backend_->bind_int(index, value);
    return *this;
  }
  statement &bind(int index, double value) {
    backend_->bind_double(index, value);
    return *this;
  }
  statement &bind_null(int index) {
    backend_->bind_null(index);
    return *this;
  }
  // Bytes as a BLOB (bytea), without copying, like text.
  statement &bind_blob(int index, std::string_view bytes) {
    backend_->bind_blob(index, bytes);
    return *this;
  }
  // Binds text, or NULL when empty.
  statement &bind_or_null(int index, std::string_view text) {
    return text.empty() ? bind_null(index) : bind(index, text);
  }
  statement &bind(int index, const std::optional<double> &value) {
    return value ? bind(index, *value) : bind_null(index);
  }
  statement &bind(int index, const std::optional<int64_t> &value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // True while a row is available.
  bool step() { return backend_->step(); }
  // Steps to completion (for statements that return no rows).
  void run() {
    while (step()) {
    }
    reset();
  }
  // Bindings are kept.
  void reset() { backend_->reset(); }

  bool is_null(int column) const { return column_type(column) == SQLITE_NULL; }
  int column_type(int column) const { return backend_->column_type(column); }
  int64_t column_int(int column) const { return backend_->column_int(column); }
  double column_double(int column) const { return backend_->column_double(column); }
  std::string_view column_text(int column) const { return backend_->column_text(column); }
  std::string_view column_blob(int column) const { return backend_->column_blob(column); }
  std::optional<double> column_optional_double(int column) const {
    if (is_null(column)) return std::nullopt;
    return column_double(column);
  }
  int column_count() const { return backend_->column_count(); }
  const char *column_name(int column) const { return backend_->column_name(column); }

  statement_backend &backend() { return *backend_; }

private:
  std::unique_ptr<statement_backend> backend_;
};

class connection {
public:
  // How long a statement waits for another connection's lock by default: long
  // enough for another import to finish, so concurrent imports take turns.
  static constexpr std::chrono::milliseconds default_busy_timeout{120000};

  virtual ~connection() = default;
  connection(const connection &) = delete;
  connection &operator=(const connection &) = delete;

  virtual sql::dialect dialect() const = 0;
  // Runs one or more statements that take no parameters.
  virtual void exec(const char *sql) = 0;
  virtual statement prepare(std::string_view sql) = 0;
  // For a query that may return a great many rows: a server streams them
  // instead of sending them all at once. SQLite always streams.
  virtual statement prepare_scan(std::string_view sql) { return prepare(sql); }
  // The id the last INSERT of this connection gave its (last) row.
  virtual int64_t last_insert_rowid() = 0;
  // Rows the last INSERT, UPDATE or DELETE changed.
  virtual int64_t changes() const = 0;
  // The schema version of the store (0 for a new one), and its update.
  virtual int user_version() = 0;
  virtual void set_user_version(int version) = 0;
  // How long a statement waits for another connection's lock before SQLITE_BUSY.
  virtual void set_busy_timeout(std::chrono::milliseconds timeout) = 0;
  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }
  // Another connection to the same store, for reading beside this one (in
  // another thread); nullptr when the store cannot have a second (in memory).
  virtual std::unique_ptr<connection> open_reader() const = 0;
  // Whether such a reader reads while this connection's transaction writes, neither waiting for
  // the other: on a server, and on SQLite in WAL mode (a rollback journal locks readers out).
  virtual bool reads_beside_writes() = 0;
  // Transactions (sql::transaction calls these).
  virtual void begin(bool immediate) = 0;
  virtual void commit() = 0;
  // Never throws: it runs while unwinding.
  virtual void rollback() noexcept = 0;

  // The store's file; empty for a server.
  const std::filesystem::path &path() const { return path_; }
  // What to call the store in messages: its file, or its URL without a password.
  const std::string &name() const { return name_; }

protected:
  connection(std::filesystem::path path, std::string name)
      : path_(std::move(path)), name_(std::move(name)) {}
  std::chrono::milliseconds busy_timeout_{0};

private:
  std::filesystem::path path_;
  std::string name_;
};

// Commits on commit(); rolls back if destroyed before.
class transaction {
public:
  explicit transaction(connection &db, bool immediate = true) : db_(db) { db_.begin(immediate); }
  ~transaction() {
    if (open_) db_.rollback();
  }
  transaction(const transaction &) = delete;
  transaction &operator=(const transaction &) = delete;
  void commit() {
    db_.commit();
    open_ = false;
  }

private:
  connection &db_;
  bool open_ = true;
};

// True for a PostgreSQL URL (postgresql://... or postgres://...).
bool is_server_url(std::string_view location);

// Opens a store's database: a PostgreSQL URL, else an SQLite file.
std::unique_ptr<connection>
open(const std::string &location, bool read_only = false,
     std::chrono::milliseconds busy_timeout = connection::default_busy_timeout);

} // namespace rebuy::core::sql
