#pragma once
// The store's own settings (the `settings` table): one text value per name, such as the horizon
// of "ordered again" or the summaries analysis keeps for reports.
#include "store/sql.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rebuy::core {

std::optional<std::string> read_setting(sql::connection &db, std::string_view name);
// Sets `name` to `value`, replacing what it held.
void write_setting(sql::connection &db, std::string_view name, std::string_view value);

} // namespace rebuy::core
