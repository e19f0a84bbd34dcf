#pragma once
// Opening the store: WAL, foreign keys, migrations. Where the database lives.
#include "store/sqlite.hpp"

#include <filesystem>
#include <memory>

namespace rebuy::core {

// --db wins, then REBUY_DB, then ./rebuy.db.
std::filesystem::path resolve_database_path(const std::string &flag_value);

// Opens (creating if needed) and migrates the store.
std::unique_ptr<sql::connection> open_store(const std::filesystem::path &path);

// Opens an existing store for reading; throws input_error when it does not exist.
std::unique_ptr<sql::connection> open_existing_store(const std::filesystem::path &path);

} // namespace rebuy::core
