#include "store/postgres.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <vector>

namespace rebuy::core::sql {
namespace {

// Type oids of pg_type (catalog/pg_type_d.h is in the server's headers only).
constexpr Oid bool_oid = 16, bytea_oid = 17, int8_oid = 20, int2_oid = 21, int4_oid = 23,
              oid_oid = 26, float4_oid = 700, float8_oid = 701, numeric_oid = 1700;

// PostgreSQL's SQLSTATE in SQLite's vocabulary (sql::error::code).
int code_of(const char *sqlstate) {
  const std::string_view s = sqlstate ? sqlstate : "";
  if (s == "55P03" || s == "40P01" || s == "40001") return SQLITE_BUSY;
  if (s == "53100") return SQLITE_FULL;
  if (s == "53200") return SQLITE_NOMEM;
  if (s == "25006") return SQLITE_READONLY;
  if (s == "42501") return SQLITE_PERM;
  if (s.starts_with("28")) return SQLITE_AUTH;
  if (s.starts_with("08")) return SQLITE_CANTOPEN;
  if (s == "23505") return SQLITE_CONSTRAINT_UNIQUE;
  if (s.starts_with("23")) return SQLITE_CONSTRAINT;
  return SQLITE_ERROR;
}

std::string message_of(PGconn *conn, const PGresult *result) {
  const char *m = result ? PQresultErrorMessage(result) : nullptr;
  std::string text = m && *m ? m : PQerrorMessage(conn);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

// The URL without its password, for messages.
std::string without_password(const std::string &url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class pg_statement final : public statement_backend {
public:
  pg_statement(pg_connection &db, std::string_view sql, bool scan)
      : db_(db), sql_(postgres_parameters(sql)), scan_(scan) {}
  ~pg_statement() override { reset(); }

  void bind_text(int index, std::string_view text) override {
    auto &p = param(index);
    p.text.assign(text.data() ? text.data() : "", text.size());
    // PostgreSQL's text cannot hold NUL; SQLite's could.
    std::replace(p.text.begin(), p.text.end(), '\0', ' ');
    p.kind = param_kind::text;
  }
  void bind_int(int index, int64_t value) override {
    auto &p = param(index);
    p.text = std::to_string(value);
    p.kind = param_kind::text;
  }
  void bind_double(int index, double value) override {
    auto &p = param(index);
    if (std::isnan(value))
      p.text = "NaN";
    else if (std::isinf(value))
      p.text = value > 0 ? "Infinity" : "-Infinity";
    else
      p.text = fmt::format("{}", value); // shortest text that reads back exactly
    p.kind = param_kind::text;
  }
  void bind_null(int index) override { param(index).kind = param_kind::null; }
  void bind_blob(int index, std::string_view bytes) override {
    auto &p = param(index);
    p.blob = bytes;
    p.kind = param_kind::blob;
  }

  bool step() override {
    if (!scan_) {
      if (!result_) execute();
      return ++row_ < rows_;
    }
    if (cursor_.empty()) declare();
    if (row_ + 1 < rows_) return ++row_ < rows_;
    if (exhausted_) return false;
    fetch();
    return ++row_ < rows_;
  }
  void reset() override {
    PQclear(result_);
    result_ = nullptr;
    rows_ = 0;
    row_ = -1;
    exhausted_ = false;
    if (!cursor_.empty()) // in an aborted transaction it is gone already
      PQclear(PQexec(db_.handle(), ("CLOSE " + cursor_).c_str()));
    cursor_.clear();
  }

  int column_type(int column) const override {
    if (PQgetisnull(result_, row_, column)) return SQLITE_NULL;
    switch (PQftype(result_, column)) {
    case bool_oid:
    case int2_oid:
    case int4_oid:
    case int8_oid:
    case oid_oid:
      return SQLITE_INTEGER;
    case float4_oid:
    case float8_oid:
      return SQLITE_FLOAT;
    case numeric_oid: // sum() of integers is numeric: whole ones read as integers, like SQLite
      return raw(column).find_first_of(".eEN") == std::string_view::npos ? SQLITE_INTEGER
                                                                         : SQLITE_FLOAT;
    case bytea_oid:
      return SQLITE_BLOB;
    default:
      return SQLITE_TEXT;
    }
  }
  int64_t column_int(int column) const override {
    const std::string_view v = raw(column);
    if (v.empty()) return 0;
    if (v == "t") return 1;
    if (v == "f") return 0;
    int64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec == std::errc() && end == v.data() + v.size()) return out;
    return static_cast<int64_t>(column_double(column));
  }
  double column_double(int column) const override {
    const std::string_view v = raw(column);
    if (v.empty()) return 0;
    if (v == "t") return 1;
    if (v == "f") return 0;
    return std::strtod(std::string(v).c_str(), nullptr); // NaN, Infinity too
  }
  std::string_view column_text(int column) const override {
    if (PQgetisnull(result_, row_, column)) return {};
    switch (PQftype(result_, column)) {
    case bytea_oid:
      return column_blob(column);
    case bool_oid:
      return raw(column) == "t" ? "1" : "0";
    case float4_oid:
    case float8_oid: {
      // As SQLite writes a REAL as text (4.0, not PostgreSQL's 4): exports read it so.
      char text[64];
      sqlite3_snprintf(sizeof text, text, "%!.15g", column_double(column));
      return keep(column, text);
    }
    default:
      return raw(column);
    }
  }
  std::string_view column_blob(int column) const override {
    if (PQgetisnull(result_, row_, column)) return {};
    const std::string_view v = raw(column);
    if (PQftype(result_, column) != bytea_oid) return v;
    // bytea arrives as \x and two hex digits per byte.
    if (decoded_.size() <= static_cast<size_t>(column)) decoded_.resize(column + 1);
    auto &out = decoded_[column];
    out.clear();
    if (v.size() < 2 || v[0] != '\\' || v[1] != 'x')
      throw error(fmt::format("{}: a bytea value not in hex format", db_.name()));
    out.reserve((v.size() - 2) / 2);
    for (size_t i = 2; i + 1 < v.size(); i += 2) {
      const int hi = hex_value(v[i]), lo = hex_value(v[i + 1]);
      if (hi < 0 || lo < 0) throw error(fmt::format("{}: a damaged bytea value", db_.name()));
      out.push_back(static_cast<char>(hi << 4 | lo));
    }
    return out;
  }
  int column_count() const override { return result_ ? PQnfields(result_) : 0; }
  const char *column_name(int column) const override { return PQfname(result_, column); }

private:
  enum class param_kind { null, text, blob };
  struct parameter {
    param_kind kind = param_kind::null;
    std::string text;
    std::string_view blob;
  };

  parameter &param(int index) {
    if (index < 1 || index > 65535) throw error(fmt::format("no parameter {}", index));
    if (params_.size() < static_cast<size_t>(index)) params_.resize(index);
    return params_[index - 1];
  }

  std::string_view keep(int column, std::string_view text) const {
    if (decoded_.size() <= static_cast<size_t>(column)) decoded_.resize(column + 1);
    return decoded_[column].assign(text);
  }

  std::string_view raw(int column) const {
    return {PQgetvalue(result_, row_, column),
            static_cast<size_t>(PQgetlength(result_, row_, column))};
  }

  // The parameters as libpq takes them; `values` point into params_.
  struct bound {
    std::vector<const char *> values;
    std::vector<int> lengths, formats;
  };
  bound parameters() const {
    const size_t n = params_.size();
    bound b{std::vector<const char *>(n), std::vector<int>(n), std::vector<int>(n)};
    for (size_t i = 0; i < n; ++i) {
      const auto &p = params_[i];
      if (p.kind == param_kind::text) b.values[i] = p.text.c_str();
      if (p.kind == param_kind::blob) {
        b.values[i] = p.blob.data() ? p.blob.data() : "";
        b.lengths[i] = static_cast<int>(p.blob.size());
        b.formats[i] = 1; // bytea's binary format is its bytes
      }
    }
    return b;
  }

  PGresult *run(const std::string &sql) {
    const bound b = parameters();
    return db_.checked(PQexecParams(db_.handle(), sql.c_str(), static_cast<int>(b.values.size()),
                                    nullptr, b.values.data(), b.lengths.data(), b.formats.data(),
                                    0),
                       sql);
  }

  void execute() {
    result_ = run(sql_);
    rows_ = PQresultStatus(result_) == PGRES_TUPLES_OK ? PQntuples(result_) : 0;
    row_ = -1;
    const char *changed = PQcmdTuples(result_);
    if (changed && *changed) db_.set_changes(std::strtoll(changed, nullptr, 10));
  }

  // A scan reads through a cursor, a few thousand rows at a time, so that a
  // million rows never sit in memory at once. WITH HOLD: it outlives the
  // transaction it was opened in, as an SQLite statement does.
  void declare() {
    const std::string name = db_.next_cursor_name();
    PQclear(run("DECLARE " + name + " NO SCROLL CURSOR WITH HOLD FOR " + sql_));
    cursor_ = name;
  }
  void fetch() {
    PQclear(result_);
    result_ = nullptr;
    const std::string sql = "FETCH FORWARD " + std::to_string(rows_per_fetch) + " FROM " + cursor_;
    result_ = db_.checked(PQexec(db_.handle(), sql.c_str()), sql);
    rows_ = PQntuples(result_);
    row_ = -1;
    exhausted_ = rows_ < rows_per_fetch;
  }
  static constexpr int rows_per_fetch = 8192;

  pg_connection &db_;
  std::string sql_;
  bool scan_;
  std::string cursor_; // the open scan's
  bool exhausted_ = false;
  std::vector<parameter> params_;
  PGresult *result_ = nullptr;
  int rows_ = 0, row_ = -1;
  mutable std::vector<std::string> decoded_; // texts made for the current row (bytea, REAL)
};

} // namespace

std::string postgres_parameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int next = 1;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') { // a literal or a quoted name, to its closing quote
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      size_t j = i + 1;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9')
        ++j;
      if (j == i + 1)
        out += fmt::format("${}", next++);
      else {
        out += '$';
        out.append(sql.substr(i + 1, j - i - 1));
        next = std::atoi(std::string(sql.substr(i + 1, j - i - 1)).c_str()) + 1;
      }
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

void append_copy_text(std::string &row, std::string_view text) {
  for (char c : text)
    switch (c) {
    case '\\':
      row += "\\\\";
      break;
    case '\t':
      row += "\\t";
      break;
    case '\n':
      row += "\\n";
      break;
    case '\r':
      row += "\\r";
      break;
    case '\0': // PostgreSQL's text cannot hold NUL
      row += ' ';
      break;
    default:
      row += c;
    }
}

pg_connection::pg_connection(const std::string &url, bool read_only,
                             std::chrono::milliseconds busy_timeout)
    : connection({}, without_password(url)), url_(url), read_only_(read_only) {
  conn_ = PQconnectdb(url.c_str());
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string why = conn_ ? message_of(conn_, nullptr) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw error(fmt::format("{}: cannot connect: {}", name(), why),
                why.find("password") != std::string::npos ? SQLITE_AUTH : SQLITE_CANTOPEN);
  }
  // Notices (such as "relation already exists, skipping") are not for users.
  PQsetNoticeProcessor(
      conn_, [](void *, const char *message) { spdlog::debug("postgres: {}", message); }, nullptr);
  exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning; "
       "SET application_name = 'rebuy'");
  if (read_only_) exec("SET default_transaction_read_only = on");
  set_busy_timeout(busy_timeout);
}

pg_connection::~pg_connection() { PQfinish(conn_); }

PGresult *pg_connection::checked(PGresult *result, std::string_view what) {
  const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
      status == PGRES_EMPTY_QUERY)
    return result;
  const std::string message = message_of(conn_, result);
  const char *sqlstate = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  int code = code_of(sqlstate);
  if (!result && PQstatus(conn_) != CONNECTION_OK) code = SQLITE_CANTOPEN;
  PQclear(result);
  spdlog::debug("postgres: {} failed: {}", what, message);
  throw error(fmt::format("{}: {}", name(), message), code);
}

void pg_connection::exec(const char *sql) { PQclear(checked(PQexec(conn_, sql), sql)); }

statement pg_connection::prepare(std::string_view sql) {
  return statement(std::make_unique<pg_statement>(*this, sql, false));
}

statement pg_connection::prepare_scan(std::string_view sql) {
  return statement(std::make_unique<pg_statement>(*this, sql, true));
}

std::string pg_connection::next_cursor_name() { return fmt::format("rebuy_scan_{}", ++cursors_); }

int64_t pg_connection::last_insert_rowid() {
  auto s = prepare("SELECT lastval()");
  s.step();
  return s.column_int(0);
}

int pg_connection::user_version() {
  auto exists = prepare("SELECT to_regclass('rebuy_schema') IS NOT NULL");
  exists.step();
  if (!exists.column_int(0)) return 0;
  auto s = prepare("SELECT coalesce(max(version), 0) FROM rebuy_schema");
  s.step();
  return static_cast<int>(s.column_int(0));
}

void pg_connection::set_user_version(int version) {
  exec("CREATE TABLE IF NOT EXISTS rebuy_schema (version INTEGER NOT NULL)");
  exec(fmt::format("DELETE FROM rebuy_schema; INSERT INTO rebuy_schema VALUES ({})", version)
           .c_str());
}

void pg_connection::set_busy_timeout(std::chrono::milliseconds timeout) {
  busy_timeout_ = timeout;
  exec(fmt::format("SET lock_timeout = {}", timeout.count()).c_str());
}

std::unique_ptr<connection> pg_connection::open_reader() const {
  return std::make_unique<pg_connection>(url_, /*read_only=*/true, busy_timeout_);
}

void pg_connection::begin(bool) { exec("BEGIN"); }

void pg_connection::commit() { exec("COMMIT"); }

void pg_connection::rollback() noexcept { PQclear(PQexec(conn_, "ROLLBACK")); }

copy_in::copy_in(pg_connection &db, const std::string &sql) : db_(db) { db_.exec(sql.c_str()); }

copy_in::~copy_in() {
  if (!open_) return;
  PQputCopyEnd(db_.handle(), "rebuy stopped the copy");
  while (PGresult *r = PQgetResult(db_.handle()))
    PQclear(r);
}

void copy_in::end_row() {
  data_ += '\n';
  if (data_.size() >= (1u << 20)) send();
}

void copy_in::send() {
  if (data_.empty()) return;
  if (PQputCopyData(db_.handle(), data_.data(), static_cast<int>(data_.size())) != 1)
    throw error(fmt::format("{}: COPY failed: {}", db_.name(), message_of(db_.handle(), nullptr)),
                SQLITE_IOERR);
  data_.clear();
}

int64_t copy_in::finish() {
  send();
  open_ = false;
  if (PQputCopyEnd(db_.handle(), nullptr) != 1)
    throw error(fmt::format("{}: COPY failed: {}", db_.name(), message_of(db_.handle(), nullptr)),
                SQLITE_IOERR);
  int64_t rows = 0;
  // The COPY's own result, then none; an error is thrown once all are read.
  std::optional<error> failed;
  while (PGresult *r = PQgetResult(db_.handle())) {
    try {
      db_.checked(r, "COPY"); // clears r when it throws
    } catch (const error &e) {
      if (!failed) failed = e;
      continue;
    }
    const char *n = PQcmdTuples(r);
    if (n && *n) rows = std::strtoll(n, nullptr, 10);
    PQclear(r);
  }
  if (failed) throw *failed;
  db_.set_changes(rows);
  return rows;
}

pg_connection &postgres_of(connection &db) {
  if (auto *p = dynamic_cast<pg_connection *>(&db)) return *p;
  throw error(db.name() + ": a PostgreSQL store was expected");
}

} // namespace rebuy::core::sql
