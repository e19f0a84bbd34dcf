#include "store/sqlite.hpp"

#include <fmt/format.h>

namespace rebuy::core::sql {

namespace {
// Before the first connection: memory statistics put a global mutex on every
// allocation SQLite makes, and rebuy never reads them.
const bool configured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();
} // namespace

connection::connection(const std::filesystem::path &path, bool read_only) : path_(path) {
  (void)configured;
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw error(fmt::format("{}: cannot open database: {}", path.string(), message));
  }
  sqlite3_extended_result_codes(db_, 1);
  set_busy_timeout(default_busy_timeout);
}

connection::~connection() { sqlite3_close_v2(db_); }

void connection::exec(const char *sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : sqlite3_errmsg(db_);
    sqlite3_free(message);
    throw error(fmt::format("{}: {}", path_.string(), text));
  }
}

std::string connection::pragma(const char *sql) {
  auto s = prepare(sql);
  return s.step() ? std::string(s.column_text(0)) : std::string();
}

void connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  sqlite3_busy_timeout(db_, static_cast<int>(timeout.count()));
}

statement connection::prepare(std::string_view sql) { return statement(db_, sql); }

int connection::user_version() {
  auto s = prepare("PRAGMA user_version");
  s.step();
  return static_cast<int>(s.column_int(0));
}

statement::statement(sqlite3 *db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK)
    throw error(fmt::format("cannot prepare \"{}\": {}", sql, sqlite3_errmsg(db)));
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement::statement(statement &&other) noexcept
    : db_(other.db_), stmt_(other.stmt_), null_bound_(other.null_bound_) {
  other.stmt_ = nullptr;
}

void statement::mark_null(int index, bool is_null) {
  if (index < 1 || index > 64) return;
  const uint64_t bit = uint64_t{1} << (index - 1);
  null_bound_ = is_null ? null_bound_ | bit : null_bound_ & ~bit;
}

void statement::check(int rc) {
  if (rc != SQLITE_OK) throw error(sqlite3_errmsg(db_));
}

statement &statement::bind(int index, std::string_view text) {
  // A non-null pointer so that an empty string binds as '' rather than NULL.
  check(sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(),
                            SQLITE_STATIC, SQLITE_UTF8));
  mark_null(index, false);
  return *this;
}

statement &statement::bind(int index, int64_t value) {
  check(sqlite3_bind_int64(stmt_, index, value));
  mark_null(index, false);
  return *this;
}

statement &statement::bind(int index, double value) {
  check(sqlite3_bind_double(stmt_, index, value));
  mark_null(index, false);
  return *this;
}

statement &statement::bind_null(int index) {
  // Bindings outlive reset(): a parameter NULL already stays so without a call
  // (a bulk import binds a dozen empty columns per row).
  if (index >= 1 && index <= 64 && (null_bound_ >> (index - 1) & 1)) return *this;
  check(sqlite3_bind_null(stmt_, index));
  mark_null(index, true);
  return *this;
}

statement &statement::bind_or_null(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

statement &statement::bind(int index, const std::optional<double> &value) {
  return value ? bind(index, *value) : bind_null(index);
}

statement &statement::bind(int index, const std::optional<int64_t> &value) {
  return value ? bind(index, *value) : bind_null(index);
}

statement &statement::bind_pointer(int index, void *pointer, const char *type) {
  check(sqlite3_bind_pointer(stmt_, index, pointer, type, nullptr));
  mark_null(index, false);
  return *this;
}

bool statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = sqlite3_errmsg(db_);
  sqlite3_reset(stmt_);
  throw error(message);
}

void statement::run() {
  while (step()) {
  }
  reset();
}

// Bindings are kept: every statement here binds all its parameters before each step.
void statement::reset() { sqlite3_reset(stmt_); }

std::string_view statement::column_text(int column) const {
  auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<double> statement::column_optional_double(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_double(column);
}

transaction::transaction(connection &db, bool immediate) : db_(db) {
  db_.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

transaction::~transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

} // namespace rebuy::core::sql
