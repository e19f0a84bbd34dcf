#pragma once
// A store file of its own for each test, removed with everything SQLite put beside it.
#include "store/run_log.hpp"
#include "store/sqlite.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace rebuy::test {

struct temp_db {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("rebuy-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db");
  static inline int n = 0;
  ~temp_db() {
    for (const char *suffix : {"", "-wal", "-shm", "-journal", "-runs.lock"})
      std::filesystem::remove(path.string() + suffix);
  }
};

// A PRAGMA's value on an SQLite store.
inline std::string pragma(core::sql::connection &db, const char *sql) {
  return core::sql::sqlite_of(db).pragma(sql);
}

// A run as an import of f.csv by the csv importer would begin it.
inline core::import_run sample_run() {
  core::import_run run;
  run.file = "f.csv";
  run.importer = "csv";
  run.importer_version = "1";
  run.source = "s";
  run.started_at = "2026-01-01T00:00:00Z";
  return run;
}

// Runs `body` in a child process that is then killed with SIGKILL, as kill -9 would: no
// destructor runs, no transaction is rolled back or committed by it.
template <class Body> void in_killed_child(Body body) {
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    body();
    ::raise(SIGKILL);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
}

inline int64_t count(core::sql::connection &db, const std::string &sql) {
  auto s = db.prepare(sql);
  s.step();
  return s.column_int(0);
}

inline std::string text_of(core::sql::connection &db, const std::string &sql) {
  auto s = db.prepare(sql);
  return s.step() ? std::string(s.column_text(0)) : std::string("<none>");
}

} // namespace rebuy::test
