#pragma once
// Opening the store: an SQLite file (WAL, foreign keys) or a PostgreSQL
// database named by a URL, migrated either way. Where the database lives.
#include "store/sql.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rebuy::core {

// --db wins, then REBUY_DB, then ./rebuy.db: a file, or a postgresql:// URL.
std::filesystem::path resolve_database_path(const std::string &flag_value);

// --wait wins (seconds), then REBUY_WAIT, then sql::connection::default_busy_timeout:
// how long a command waits for another writer's lock on the store.
std::chrono::milliseconds resolve_lock_wait(std::optional<double> flag_seconds);

// Opens (creating if needed) and migrates the store. Statements wait up to
// `lock_wait` for another connection's lock.
std::unique_ptr<sql::connection>
open_store(const std::filesystem::path &path,
           std::chrono::milliseconds lock_wait = sql::connection::default_busy_timeout);

// Opens an existing store; throws input_error when it does not exist.
std::unique_ptr<sql::connection>
open_existing_store(const std::filesystem::path &path,
                    std::chrono::milliseconds lock_wait = sql::connection::default_busy_timeout);

} // namespace rebuy::core
