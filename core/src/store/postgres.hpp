#pragma once
// The PostgreSQL store, through libpq: a connection to a server named by a URL
// (postgresql://user@host:port/dbname). Statements are SQLite's numbered
// parameters turned into PostgreSQL's ($1, $2, ...); results come as text and
// are read as SQLite would give them (bytea as its bytes, booleans as 0 or 1).
#include "store/sql.hpp"

#include <libpq-fe.h>

#include <string>
#include <string_view>

namespace rebuy::core::sql {

class pg_connection final : public connection {
public:
  pg_connection(const std::string &url, bool read_only = false,
                std::chrono::milliseconds busy_timeout = default_busy_timeout);
  ~pg_connection() override;

  sql::dialect dialect() const override { return dialect::postgres; }
  void exec(const char *sql) override;
  statement prepare(std::string_view sql) override;
  statement prepare_scan(std::string_view sql) override;
  int64_t last_insert_rowid() override;
  int64_t changes() const override { return changes_; }
  int user_version() override;
  void set_user_version(int version) override;
  // PostgreSQL's lock_timeout: how long a statement waits for a row or table lock.
  void set_busy_timeout(std::chrono::milliseconds timeout) override;
  std::unique_ptr<connection> open_reader() const override;
  bool reads_beside_writes() override { return true; }
  void begin(bool immediate) override;
  void commit() override;
  void rollback() noexcept override;

  PGconn *handle() const { return conn_; }
  const std::string &url() const { return url_; }
  // The result of a command this connection ran, checked: an error becomes sql::error.
  PGresult *checked(PGresult *result, std::string_view what);
  void set_changes(int64_t n) { changes_ = n; }
  std::string next_cursor_name();

private:
  std::string url_;
  bool read_only_;
  PGconn *conn_ = nullptr;
  int64_t changes_ = 0;
  uint64_t cursors_ = 0;
};

// A COPY ... FROM STDIN: rows appended to row() in COPY's text format, each
// ended with end_row(), go to the server a megabyte at a time. Destroyed
// before finish(), it ends the COPY as failed, so the connection can go on
// (to a ROLLBACK TO SAVEPOINT, say).
class copy_in {
public:
  copy_in(pg_connection &db, const std::string &sql);
  ~copy_in();
  copy_in(const copy_in &) = delete;
  copy_in &operator=(const copy_in &) = delete;

  std::string &row() { return data_; }
  void end_row();
  // Sends what is left and ends the COPY; returns the rows it wrote.
  int64_t finish();

private:
  void send();
  pg_connection &db_;
  std::string data_;
  bool open_ = true;
};

// The PostgreSQL connection behind `db`; throws when the store is another database.
pg_connection &postgres_of(connection &db);

// `sql` with ?N (and bare ?) parameters written as $N, outside quotes and comments.
std::string postgres_parameters(std::string_view sql);

// Appends `text` to a COPY text-format row, escaped (backslash, tab, newline, carriage return).
void append_copy_text(std::string &row, std::string_view text);

} // namespace rebuy::core::sql
