#pragma once
// Runs a read of the store on a second connection in another thread, so that both cores work.
#include "store/sql.hpp"

#include <future>
#include <memory>

namespace rebuy::core {

// Runs read(connection) on a second, read-only connection in another thread when the store can
// open one; else later, on db, when the result is asked for. The second connection sees what was
// committed when it first reads, not db's uncommitted writes.
template <typename Read>
auto read_beside(sql::connection &db, Read read) -> std::future<decltype(read(db))> {
  std::shared_ptr<sql::connection> reader = db.open_reader();
  if (!reader) return std::async(std::launch::deferred, [&db, read] { return read(db); });
  return std::async(std::launch::async, [reader, read] { return read(*reader); });
}

} // namespace rebuy::core
