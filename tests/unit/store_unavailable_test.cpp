// The store unavailable through no fault of rebuy's: locked by another writer,
// or on a full disk. Such failures are told apart from bugs (exit code 4 with
// what to do), a writer waits its turn first, and what was committed stays.
#include "full_disk_vfs.hpp"
#include "pipeline/import_pipeline.hpp"
#include "store/store.hpp"
#include "store/unavailable.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <optional>
#include <thread>

using namespace rebuy::core;
using rebuy::test::count;
using rebuy::test::pragma;
using rebuy::test::temp_db;
namespace fs = std::filesystem;

namespace {

struct fixture {
  temp_db store;
  fs::path file = store.path.string() + ".csv";
  plugin_registry registry;
  fixture() { registry.scan({REBUY_PLUGIN_BUILD_DIR}); }
  ~fixture() { fs::remove(file); }
  // Imports `rows` rows with ids from `first` on.
  import_outcome import(sql::connection &db, int rows, int first = 0) {
    {
      std::ofstream out(file, std::ios::binary | std::ios::trunc);
      out << "id,nps,comment\n";
      for (int i = first; i < first + rows; ++i)
        out << i << ',' << i % 11 << ",a comment long enough to take some room as number " << i
            << '\n';
    }
    import_request request;
    request.file = file;
    return import_file(registry, db, request);
  }
};

} // namespace

TEST_CASE("store: a writer waits for another writer's lock, then says what to do") {
  fixture f;
  auto holder = open_store(f.store.path);
  f.import(*holder, 10);
  auto db = open_store(f.store.path, std::chrono::milliseconds(300));

  sql::transaction lock(*holder);
  const auto start = std::chrono::steady_clock::now();
  try {
    f.import(*db, 10, 10);
    FAIL("the import ran although the store was locked");
  } catch (const sql::error &e) {
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(300));
    CHECK((e.code() & 0xff) == SQLITE_BUSY);
    auto why = store_unavailable(e, f.store.path, db->busy_timeout());
    REQUIRE(why);
    CHECK(why->find("another rebuy is writing to this store; waited 0.3 s") != std::string::npos);
    CHECK(why->find("try again when it has") != std::string::npos);
  }
}

TEST_CASE("store: a writer given time takes its turn when the other commits") {
  fixture f;
  auto holder = open_store(f.store.path);
  auto db = open_store(f.store.path, std::chrono::seconds(30));
  std::optional<sql::transaction> lock;
  lock.emplace(*holder);
  std::thread other([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    lock->commit();
  });
  auto outcome = f.import(*db, 10);
  other.join();
  CHECK(outcome.run.counts.added == 10);
}

TEST_CASE("store: a full disk fails the import with SQLITE_FULL and keeps what was committed") {
  fixture f;
  f.import(*open_store(f.store.path), 5);
  {
    rebuy::test::full_disk disk(1 << 20); // far less than 20,000 rows need
    try {
      auto db = open_store(f.store.path);
      f.import(*db, 20000, 5);
      FAIL("the import fit on a full disk");
    } catch (const sql::error &e) {
      CHECK(rebuy::test::full_disk::filled());
      CHECK((e.code() & 0xff) == SQLITE_FULL);
      auto why = store_unavailable(e, f.store.path, std::chrono::seconds(1));
      REQUIRE(why);
      CHECK(why->find("the disk is full: free space and run the command again — what was "
                      "committed is kept") != std::string::npos);
    }
  }
  auto db = open_store(f.store.path);
  CHECK(pragma(*db, "PRAGMA integrity_check") == "ok");
  CHECK(count(*db, "SELECT count(*) FROM responses") == 5);
  CHECK(f.import(*db, 20000, 5).run.counts.added == 20000);
}

TEST_CASE("store: errors that are rebuy's own are not called unavailable") {
  sql::error bug("no such column: x", SQLITE_ERROR);
  CHECK_FALSE(store_unavailable(bug, "x.db", std::chrono::seconds(1)));
  sql::error constraint("UNIQUE constraint failed", SQLITE_CONSTRAINT_UNIQUE);
  CHECK_FALSE(store_unavailable(constraint, "x.db", std::chrono::seconds(1)));
  sql::error too_big("disk I/O error", SQLITE_IOERR_WRITE, EFBIG);
  CHECK(store_unavailable(too_big, "x.db", std::chrono::seconds(1))->find("file size limit") !=
        std::string::npos);
}

TEST_CASE("store: a database that cannot be opened says so with its code") {
  try {
    open_store("/nonexistent-rebuy-dir/x.db");
    FAIL("opened a database in a directory that does not exist");
  } catch (const sql::error &e) {
    CHECK((e.code() & 0xff) == SQLITE_CANTOPEN);
    auto why = store_unavailable(e, "/nonexistent-rebuy-dir/x.db", std::chrono::seconds(1));
    REQUIRE(why);
    CHECK(why->find("cannot open the database") != std::string::npos);
  }
}
