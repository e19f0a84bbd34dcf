#pragma once
// Failures of the environment rather than of rebuy: a store locked by another
// writer, a full disk, no permission, a database that cannot be opened. The
// command line exits with code 4 for them and says what to do.
#include "store/sql.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace rebuy::core {

// What happened to the store at `db` and what to do about it, when `e` is such
// a failure; nothing when it is not. `waited` is how long a lock was waited for.
std::optional<std::string> store_unavailable(const sql::error &e, const std::filesystem::path &db,
                                             std::chrono::milliseconds waited);

} // namespace rebuy::core
