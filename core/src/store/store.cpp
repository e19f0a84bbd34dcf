#include "store/store.hpp"

#include "store/bulk_write.hpp"
#include "store/run_log.hpp"
#include "store/schema.hpp"
#include "store/set_aside_keys.hpp"
#include "store/sqlite.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace rebuy::core {

std::filesystem::path resolve_database_path(const std::string &flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char *env = std::getenv("REBUY_DB"); env && *env) return env;
  return "rebuy.db";
}

std::chrono::milliseconds resolve_lock_wait(std::optional<double> flag_seconds) {
  std::optional<double> seconds = flag_seconds;
  if (!seconds)
    if (const char *env = std::getenv("REBUY_WAIT"); env && *env) {
      char *end = nullptr;
      const double value = std::strtod(env, &end);
      if (*end != '\0' || !std::isfinite(value) || value < 0)
        throw usage_error(fmt::format("REBUY_WAIT={}: expected a number of seconds", env));
      seconds = value;
    }
  if (!seconds) return sql::connection::default_busy_timeout;
  if (*seconds < 0 || !std::isfinite(*seconds) || *seconds > 1e6)
    throw usage_error(fmt::format("--wait {}: expected 0 to 1000000 seconds", *seconds));
  return std::chrono::milliseconds(static_cast<int64_t>(*seconds * 1000));
}

std::unique_ptr<sql::connection> open_store(const std::filesystem::path &path,
                                            std::chrono::milliseconds lock_wait) {
  if (sql::is_server_url(path.native())) {
    auto db = sql::open(path.native(), /*read_only=*/false, lock_wait);
    migrate(*db);
    mark_interrupted_runs(*db);
    return db;
  }
  auto db = std::make_unique<sql::sqlite_connection>(path, /*read_only=*/false, lock_wait);
  // SQLite's largest pages: a 1M-row import writes, journals and syncs a quarter as
  // many as with 16 KiB (0.88x sqlite3 .import against 1.11x, same report speed);
  // lookups in random order read more per page. Only a new file takes it.
  db->exec("PRAGMA page_size = 65536");
  prefer_wal(*db);
  // WAL with NORMAL sync is durable across application crashes and fast.
  db->exec("PRAGMA synchronous = NORMAL");
  db->exec("PRAGMA foreign_keys = ON");
  // Temporary b-trees (GROUP BY, ORDER BY over whole tables) spill to a file
  // past the cache: in memory, the estimates over a million responses took a gigabyte.
  db->exec("PRAGMA temp_store = FILE");
  // 16 MiB: analysis writes score pages it does not read again, and reads run on connections of
  // their own, so a larger cache only filled up (64 MiB: the same times for the 1M benchmark's
  // import, report and export, 50 MB more peak memory). An import takes 32 MiB (bulk_write).
  db->exec("PRAGMA cache_size = -16384");
  migrate(*db);
  mark_interrupted_runs(*db);
  merge_abandoned_keys(*db);
  return db;
}

std::unique_ptr<sql::connection> open_existing_store(const std::filesystem::path &path,
                                                     std::chrono::milliseconds lock_wait) {
  std::error_code ec;
  if (sql::is_server_url(path.native())) return open_store(path, lock_wait);
  // When it cannot even be looked at, opening it says why.
  if (!std::filesystem::exists(path, ec) && !ec)
    throw input_error(path.string() + ": no such database; import something first");
  return open_store(path, lock_wait);
}

} // namespace rebuy::core
