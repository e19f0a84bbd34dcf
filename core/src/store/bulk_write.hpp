#pragma once
// A bulk write (an import) runs on a rollback journal instead of WAL when no
// other connection has the store open. WAL writes every page twice, once to the
// log and once when it is checkpointed; a rollback journal writes a page that
// the write appends only once. For a 1M-row import that is a quarter of the time.
#include "store/sqlite.hpp"

#include <string>

namespace rebuy::core {

class bulk_write_scope {
public:
  // Outside any transaction. Never waits: with a reader attached, WAL stays.
  // Does nothing on a PostgreSQL store.
  explicit bulk_write_scope(sql::connection &db);
  // Back to WAL. Should another connection hold the store then, the next
  // open_store finishes the switch.
  ~bulk_write_scope();
  bulk_write_scope(const bulk_write_scope &) = delete;
  bulk_write_scope &operator=(const bulk_write_scope &) = delete;

  // False when the store stayed in WAL.
  bool active() const { return active_; }

private:
  sql::sqlite_connection *db_ = nullptr;
  bool active_ = false;
  std::string cache_size_; // the connection's, given back afterwards
};

// Puts the store in WAL if it is not, without waiting for other connections:
// while another process runs a bulk write, the store stays as it is.
void prefer_wal(sql::sqlite_connection &db);

} // namespace rebuy::core
