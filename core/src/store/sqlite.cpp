#include "store/sqlite.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <thread>

namespace rebuy::core::sql {

namespace {

// The errno behind the last I/O error. sqlite3_system_errno() reads errno when
// the error is recorded, after a rollback may have changed it; the database
// file keeps the errno of its own failed call.
int last_system_errno(sqlite3 *db) {
  int file_errno = 0;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &file_errno) == SQLITE_OK &&
      file_errno != 0)
    return file_errno;
  return sqlite3_system_errno(db);
}

// An error carrying SQLite's codes, so that callers can tell a locked or full
// store from a bug.
error error_of(sqlite3 *db, const std::string &message) {
  return error(message, sqlite3_extended_errcode(db), last_system_errno(db));
}

[[noreturn]] void fail(sqlite3 *db, const std::string &message) { throw error_of(db, message); }

class sqlite_statement final : public statement_backend {
public:
  sqlite_statement(sqlite3 *db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
      fail(db, fmt::format("cannot prepare \"{}\": {}", sql, sqlite3_errmsg(db)));
  }
  ~sqlite_statement() override { sqlite3_finalize(stmt_); }

  void bind_text(int index, std::string_view text) override {
    // A non-null pointer so that an empty string binds as '' rather than NULL.
    check(sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(),
                              SQLITE_STATIC, SQLITE_UTF8));
    mark_null(index, false);
  }
  void bind_int(int index, int64_t value) override {
    check(sqlite3_bind_int64(stmt_, index, value));
    mark_null(index, false);
  }
  void bind_double(int index, double value) override {
    check(sqlite3_bind_double(stmt_, index, value));
    mark_null(index, false);
  }
  void bind_null(int index) override {
    // Bindings outlive reset(): a parameter NULL already stays so without a call
    // (a bulk import binds a dozen empty columns per row).
    if (index >= 1 && index <= 64 && (null_bound_ >> (index - 1) & 1)) return;
    check(sqlite3_bind_null(stmt_, index));
    mark_null(index, true);
  }
  void bind_blob(int index, std::string_view bytes) override {
    check(sqlite3_bind_blob64(stmt_, index, bytes.data() ? bytes.data() : "", bytes.size(),
                              SQLITE_STATIC));
    mark_null(index, false);
  }
  void bind_pointer(int index, void *pointer, const char *type) {
    check(sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr));
    mark_null(index, false);
  }

  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // The codes before reset(), which would report them again.
    error e = error_of(db_, sqlite3_errmsg(db_));
    sqlite3_reset(stmt_);
    throw e;
  }
  // Bindings are kept: every statement here binds all its parameters before each step.
  void reset() override { sqlite3_reset(stmt_); }

  int column_type(int column) const override { return sqlite3_column_type(stmt_, column); }
  int64_t column_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double column_double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view column_text(int column) const override {
    auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  std::string_view column_blob(int column) const override {
    auto *p = static_cast<const char *>(sqlite3_column_blob(stmt_, column));
    if (!p) return {};
    return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  int column_count() const override { return sqlite3_column_count(stmt_); }
  const char *column_name(int column) const override { return sqlite3_column_name(stmt_, column); }

private:
  void check(int rc) {
    if (rc != SQLITE_OK) fail(db_, sqlite3_errmsg(db_));
  }
  void mark_null(int index, bool is_null) {
    if (index < 1 || index > 64) return;
    const uint64_t bit = uint64_t{1} << (index - 1);
    null_bound_ = is_null ? null_bound_ | bit : null_bound_ & ~bit;
  }

  sqlite3 *db_;
  sqlite3_stmt *stmt_ = nullptr;
  uint64_t null_bound_ = 0; // bit i: parameter i + 1 is bound to NULL
};

// Before the first connection: memory statistics put a global mutex on every
// allocation SQLite makes, and rebuy never reads them.
const bool configured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();
} // namespace

sqlite_connection::sqlite_connection(const std::filesystem::path &path, bool read_only,
                                     std::chrono::milliseconds busy_timeout)
    : connection(path, path.string()) {
  (void)configured;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    const int code = db_ ? sqlite3_extended_errcode(db_) : rc;
    const int os_error = db_ ? last_system_errno(db_) : 0;
    sqlite3_close(db_);
    db_ = nullptr;
    throw error(fmt::format("{}: cannot open database: {}", path.string(), message), code,
                os_error);
  }
  sqlite3_extended_result_codes(db_, 1);
  set_busy_timeout(busy_timeout);
}

sqlite_connection::~sqlite_connection() { sqlite3_close_v2(db_); }

void sqlite_connection::exec(const char *sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    fail(db_, fmt::format("{}: {}", name(), text));
  }
}

std::string sqlite_connection::pragma(const char *sql) {
  auto s = prepare(sql);
  return s.step() ? std::string(s.column_text(0)) : std::string();
}

void sqlite_connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  busy_timeout_ = timeout;
  sqlite3_busy_handler(db_, &sqlite_connection::wait_for_lock, this);
}

int sqlite_connection::wait_for_lock(void *self, int attempt) noexcept {
  auto &c = *static_cast<sqlite_connection *>(self);
  const auto now = std::chrono::steady_clock::now();
  if (attempt == 0) c.busy_since_ = now;
  const auto waited = now - c.busy_since_;
  if (waited >= c.busy_timeout_) return 0;
  if (!c.wait_announced_ && waited >= std::chrono::seconds(1)) {
    c.wait_announced_ = true;
    spdlog::warn("{} is in use by another rebuy: waiting up to {} s for its turn (--wait)",
                 c.name(),
                 std::chrono::duration_cast<std::chrono::seconds>(c.busy_timeout_).count());
  }
  // Short sleeps: a writer that commits and starts again leaves only a brief gap.
  std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(
      c.busy_timeout_ - waited, std::chrono::milliseconds(5)));
  return 1;
}

statement sqlite_connection::prepare(std::string_view sql) {
  return statement(std::make_unique<sqlite_statement>(db_, sql));
}

int sqlite_connection::user_version() {
  auto s = prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.column_int(0));
}

void sqlite_connection::set_user_version(int version) {
  exec(fmt::format("PRAGMA user_version = {}", version).c_str());
}

std::unique_ptr<connection> sqlite_connection::open_reader() const {
  if (path().empty() || path() == ":memory:") return nullptr;
  return std::make_unique<sqlite_connection>(path(), /*read_only=*/true, busy_timeout_);
}

sqlite_connection &sqlite_of(connection &db) {
  if (auto *s = dynamic_cast<sqlite_connection *>(&db)) return *s;
  throw error(db.name() + ": an SQLite store was expected");
}

void bind_pointer(statement &s, int index, void *pointer, const char *type) {
  dynamic_cast<sqlite_statement &>(s.backend()).bind_pointer(index, pointer, type);
}

} // namespace rebuy::core::sql
