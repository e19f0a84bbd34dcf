// The write-ahead log checkpointed beside the connection that writes.
#include "store/wal_checkpointer.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

// Frames in the store's log, as a passive checkpoint on a connection of its own counts them.
int frames_in_log(const std::filesystem::path &path) {
  sql::sqlite_connection other(path);
  auto s = other.prepare("PRAGMA wal_checkpoint(PASSIVE)");
  REQUIRE(s.step());
  return static_cast<int>(s.column_int(1));
}

// Commits `pages` pages of 4 KiB in one transaction.
void write_pages(sql::sqlite_connection &db, int pages) {
  db.exec("BEGIN");
  auto insert = db.prepare("INSERT INTO t (b) VALUES (zeroblob(4000))");
  for (int i = 0; i < pages; ++i)
    insert.run();
  db.exec("COMMIT");
}

struct wal_store {
  temp_db t;
  sql::sqlite_connection db{t.path};
  wal_store() {
    db.exec("PRAGMA page_size = 4096");
    REQUIRE(db.pragma("PRAGMA journal_mode = WAL") == "wal");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)");
  }
};

} // namespace

TEST_CASE("WAL checkpointer: a log past its size is checkpointed beside the writer") {
  wal_store s;
  {
    wal_checkpointer checkpointer(s.db, 20);
    write_pages(s.db, 10); // under the size: nothing asked
    write_pages(s.db, 30);
    for (int i = 0; i < 1000 && checkpointer.passes() == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(checkpointer.passes() >= 1);
    // Checkpointed, the log starts again from its beginning at the next write.
    write_pages(s.db, 1);
    CHECK(frames_in_log(s.t.path) < 10);
  }
  auto count = s.db.prepare("SELECT count(*) FROM t");
  REQUIRE(count.step());
  CHECK(count.column_int(0) == 41);
}

TEST_CASE("WAL checkpointer: under its size only a request checkpoints") {
  wal_store s;
  wal_checkpointer checkpointer(s.db); // 1,000 pages
  write_pages(s.db, 50);
  CHECK(checkpointer.passes() == 0);
  CHECK(frames_in_log(s.t.path) >= 50); // SQLite's own checkpoint would not have run either
  const unsigned before = checkpointer.passes();
  checkpointer.request();
  for (int i = 0; i < 1000 && checkpointer.passes() == before; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  CHECK(checkpointer.passes() == before + 1);
}

TEST_CASE("WAL checkpointer: once it is gone, the writer checkpoints by itself again") {
  wal_store s;
  { wal_checkpointer checkpointer(s.db, 1000000); }
  write_pages(s.db, 1100); // past SQLite's 1,000 pages: the commit checkpoints
  write_pages(s.db, 1);
  CHECK(frames_in_log(s.t.path) < 10);
}
