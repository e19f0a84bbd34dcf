#include "store/settings.hpp"

namespace rebuy::core {

std::optional<std::string> read_setting(sql::connection &db, std::string_view name) {
  auto s = db.prepare("SELECT value FROM settings WHERE name = ?1");
  s.bind(1, name);
  if (!s.step()) return std::nullopt;
  return std::string(s.column_text(0));
}

void write_setting(sql::connection &db, std::string_view name, std::string_view value) {
  db.prepare("INSERT INTO settings (name, value) VALUES (?1, ?2) "
             "ON CONFLICT (name) DO UPDATE SET value = excluded.value")
      .bind(1, name)
      .bind(2, value)
      .run();
}

} // namespace rebuy::core
