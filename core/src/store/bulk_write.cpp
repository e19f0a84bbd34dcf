#include "store/bulk_write.hpp"

#include <spdlog/spdlog.h>

namespace rebuy::core {
namespace {

// Runs a journal_mode pragma without waiting on other connections' locks.
std::string try_journal_mode(sql::sqlite_connection &db, const char *sql) {
  const auto wait = db.busy_timeout();
  db.set_busy_timeout(std::chrono::milliseconds(0));
  std::string mode;
  try {
    mode = db.pragma(sql);
  } catch (const sql::error &e) {
    spdlog::debug("{}: {}", sql, e.what());
  }
  db.set_busy_timeout(wait);
  return mode;
}

} // namespace

bulk_write_scope::bulk_write_scope(sql::connection &db) {
  // A server has its own way with bulk writes.
  if (db.dialect() != sql::dialect::sqlite) return;
  db_ = &sql::sqlite_of(db);
  if (try_journal_mode(*db_, "PRAGMA journal_mode = DELETE") != "delete") {
    spdlog::debug("another connection has the store open: the import writes through WAL");
    return;
  }
  // With a rollback journal, only FULL is safe against power loss. A commit
  // now waits for readers that came since (WAL would not), as long as the
  // connection waits for any lock.
  db_->exec("PRAGMA synchronous = FULL");
  active_ = true;
  // Appended pages are not read again: a smaller cache keeps the import's memory
  // flat at no cost in time.
  cache_size_ = db_->pragma("PRAGMA cache_size");
  db_->exec("PRAGMA cache_size = -32768");
}

bulk_write_scope::~bulk_write_scope() {
  if (!active_) return;
  try {
    db_->exec("PRAGMA synchronous = NORMAL");
    db_->exec(("PRAGMA cache_size = " + cache_size_).c_str());
    if (db_->pragma("PRAGMA journal_mode = WAL") != "wal")
      spdlog::debug("the store stays on a rollback journal until it is next opened");
  } catch (const sql::error &e) {
    spdlog::debug("back to WAL: {}", e.what());
  }
}

void prefer_wal(sql::sqlite_connection &db) {
  if (db.pragma("PRAGMA journal_mode") != "wal") try_journal_mode(db, "PRAGMA journal_mode = WAL");
}

} // namespace rebuy::core
