// Bulk writes: the rollback journal during an import, and rows fed from memory.
#include "store/bulk_write.hpp"
#include "store/row_feed.hpp"
#include "store/store.hpp"

#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

struct people final : row_source {
  std::vector<std::pair<std::string, int64_t>> rows; // (name, age); "" is NULL
  size_t size() const override { return rows.size(); }
  void column(size_t row, int column, sqlite3_context *ctx) const override {
    const auto &[name, age] = rows[row];
    if (column == 1)
      sqlite3_result_int64(ctx, age);
    else if (name.empty())
      sqlite3_result_null(ctx);
    else
      sqlite3_result_text(ctx, name.data(), static_cast<int>(name.size()), SQLITE_STATIC);
  }
};

} // namespace

TEST_CASE("row feed: INSERT ... SELECT reads the rows where they lie, NULLs included") {
  temp_db t;
  sql::sqlite_connection db(t.path);
  db.exec("CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT, age INTEGER)");
  register_row_feed(db, "feed_people", "name, age");
  people source;
  auto insert = db.prepare("INSERT INTO p (name, age) SELECT name, age FROM feed_people(?1)");
  bind_row_source(insert, 1, source);

  insert.run(); // nothing to feed
  CHECK(count(db, "SELECT count(*) FROM p") == 0);

  source.rows = {{"ana", 31}, {"", 40}, {"bo", 7}};
  insert.run();
  CHECK(count(db, "SELECT count(*) FROM p") == 3);
  CHECK(count(db, "SELECT count(*) FROM p WHERE name IS NULL AND age = 40") == 1);
  CHECK(text_of(db, "SELECT group_concat(name || age, ',') FROM p ORDER BY id") == "ana31,bo7");

  // The binding outlives a run: the same statement feeds the next rows.
  source.rows = {{"cy", 1}};
  insert.run();
  CHECK(count(db, "SELECT max(id) FROM p") == 4);
}

TEST_CASE("row feed: registered again on the same connection (a writer per imported file)") {
  temp_db t;
  sql::sqlite_connection db(t.path);
  db.exec("CREATE TABLE p (name TEXT, age INTEGER)");
  people source;
  source.rows = {{"ana", 31}};
  for (int writer = 0; writer < 3; ++writer) {
    register_row_feed(db, "feed_people", "name, age");
    auto insert = db.prepare("INSERT INTO p SELECT name, age FROM feed_people(?1)");
    bind_row_source(insert, 1, source);
    insert.run();
  }
  CHECK(count(db, "SELECT count(*) FROM p WHERE name = 'ana'") == 3);
}

TEST_CASE("row feed: without its source argument the feed is refused or empty, never read") {
  temp_db t;
  sql::sqlite_connection db(t.path);
  register_row_feed(db, "feed_people", "name, age");
  CHECK_THROWS_AS(db.prepare("SELECT name FROM feed_people"), sql::error);
  // A NULL (or a pointer of another type) reads as no rows.
  auto s = db.prepare("SELECT count(*) FROM feed_people(?1)");
  s.bind_null(1);
  REQUIRE(s.step());
  CHECK(s.column_int(0) == 0);
}

TEST_CASE("bulk write: a store nobody else has open leaves WAL for the write and comes back") {
  temp_db t;
  auto db = open_store(t.path);
  CHECK(pragma(*db, "PRAGMA journal_mode") == "wal");
  {
    bulk_write_scope bulk(*db);
    CHECK(bulk.active());
    CHECK(pragma(*db, "PRAGMA journal_mode") == "delete");
    CHECK(pragma(*db, "PRAGMA synchronous") == "2"); // FULL: safe on a rollback journal
  }
  CHECK(pragma(*db, "PRAGMA journal_mode") == "wal");
  CHECK(pragma(*db, "PRAGMA synchronous") == "1");
}

TEST_CASE("bulk write: with a reader attached, the write stays in WAL and does not wait") {
  temp_db t;
  auto db = open_store(t.path);
  auto reader = open_store(t.path);
  CHECK(count(*reader, "SELECT count(*) FROM responses") == 0);
  bulk_write_scope bulk(*db);
  CHECK_FALSE(bulk.active());
  CHECK(pragma(*db, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("bulk write: a store left on a rollback journal (an interrupted import) opens in WAL") {
  temp_db t;
  {
    auto db = open_store(t.path);
    db->exec("PRAGMA journal_mode = DELETE");
  }
  auto db = open_store(t.path);
  CHECK(pragma(*db, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("bulk write: a reader that comes during the write reads the last commit, and the "
          "commit waits for its query") {
  temp_db t;
  auto writer = open_store(t.path);
  bulk_write_scope bulk(*writer);
  REQUIRE(bulk.active());
  sql::transaction tx(*writer);
  writer->exec("INSERT INTO settings (name, value) VALUES ('x', '1')");
  // The reader neither waits to open the store nor fails.
  auto reader = open_store(t.path);
  CHECK(pragma(*reader, "PRAGMA journal_mode") == "delete");
  CHECK(count(*reader, "SELECT count(*) FROM settings WHERE name = 'x'") == 0);
  auto reading = reader->prepare("SELECT name FROM sqlite_schema");
  REQUIRE(reading.step()); // mid-read: the reader holds its shared lock
  std::thread finish([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    reading.reset();
  });
  CHECK_NOTHROW(tx.commit());
  finish.join();
  CHECK(count(*reader, "SELECT count(*) FROM settings WHERE name = 'x'") == 1);
}
