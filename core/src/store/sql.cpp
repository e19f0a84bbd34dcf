#include "store/sql.hpp"

#include "store/postgres.hpp"
#include "store/sqlite.hpp"

namespace rebuy::core::sql {

bool is_server_url(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<connection> open(const std::string &location, bool read_only,
                                 std::chrono::milliseconds busy_timeout) {
  if (is_server_url(location))
    return std::make_unique<pg_connection>(location, read_only, busy_timeout);
  return std::make_unique<sqlite_connection>(location, read_only, busy_timeout);
}

} // namespace rebuy::core::sql
