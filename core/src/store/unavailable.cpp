#include "store/unavailable.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace rebuy::core {

std::optional<std::string> store_unavailable(const sql::error &e, const std::filesystem::path &db,
                                             std::chrono::milliseconds waited) {
  const std::string kept = "what was committed is kept";
  if (sql::is_server_url(db.native())) {
    // The server's own message says which host, role or database (its URL's password is not
    // shown: e.what() names the store without it).
    switch (e.code() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("{}: waited {:g} s for a lock another rebuy holds: try again, or wait "
                         "longer with --wait SECONDS — {}",
                         e.what(), std::chrono::duration<double>(waited).count(), kept);
    case SQLITE_CANTOPEN:
      return fmt::format("{}: check that the server runs and that the URL names it (--db or "
                         "REBUY_DB)",
                         e.what());
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_READONLY:
      return fmt::format("{}: the role in the URL may not do this: see docs/store.md on roles",
                         e.what());
    case SQLITE_FULL:
      return fmt::format("{}: the server's disk is full — {}", e.what(), kept);
    default:
      return std::nullopt;
    }
  }
  const std::string name = db.string();
  const int os_error = e.system_errno();
  switch (e.code() & 0xff) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    return fmt::format("{}: another rebuy is writing to this store; waited {:g} s for it to "
                       "finish: try again when it has, or wait longer with --wait SECONDS",
                       name, std::chrono::duration<double>(waited).count());
  case SQLITE_FULL:
    return fmt::format("{}: the disk is full: free space and run the command again — {}", name,
                       kept);
  case SQLITE_IOERR:
    if (os_error == ENOSPC)
      return fmt::format("{}: the disk is full: free space and run the command again — {}", name,
                         kept);
    if (os_error == EDQUOT)
      return fmt::format("{}: the disk quota is used up: free space and run the command again — {}",
                         name, kept);
    if (os_error == EFBIG)
      return fmt::format("{}: the file size limit is reached (ulimit -f): raise it and run the "
                         "command again — {}",
                         name, kept);
    return fmt::format("{}: the disk failed to read or write it ({}): check the disk and run the "
                       "command again — {}",
                       name, os_error ? std::strerror(os_error) : e.what(), kept);
  case SQLITE_CANTOPEN:
    return fmt::format("{}: cannot open the database{}: check that its directory exists and that "
                       "you may write there, or choose another with --db PATH",
                       name, os_error ? std::string(" (") + std::strerror(os_error) + ")" : "");
  case SQLITE_READONLY:
    return fmt::format("{}: the database cannot be written (read-only for this user): check the "
                       "permissions of the file and its directory, or choose another with --db "
                       "PATH",
                       name);
  case SQLITE_PERM:
  case SQLITE_AUTH:
    return fmt::format("{}: permission denied: check the permissions of the file and its "
                       "directory, or choose another with --db PATH",
                       name);
  default:
    return std::nullopt;
  }
}

} // namespace rebuy::core
