#include "report/run_mapping.hpp"

#include <rapidjson/document.h>

namespace rebuy::core {

std::vector<mapped_column> mapped_columns(std::string_view mapping) {
  std::vector<mapped_column> out;
  rapidjson::Document doc;
  doc.Parse(mapping.data(), mapping.size());
  if (!doc.IsArray()) return out;
  auto text = [](const rapidjson::Value &c, const char *key) {
    auto it = c.FindMember(key);
    return it != c.MemberEnd() && it->value.IsString()
               ? std::string(it->value.GetString(), it->value.GetStringLength())
               : std::string();
  };
  for (const auto &c : doc.GetArray()) {
    if (!c.IsObject()) continue;
    mapped_column m{text(c, "column"), text(c, "role"), text(c, "scale"), text(c, "why")};
    if (!m.role.empty() && m.role != "attribute") out.push_back(std::move(m));
  }
  return out;
}

} // namespace rebuy::core
