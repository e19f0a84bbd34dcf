#include "column_mapping.hpp"

#include "text_util.hpp"

#include <unordered_set>

namespace rebuy_csv {

namespace {

std::string role_list() {
  std::string out;
  for (rebuy_role r = 0; r < REBUY_ROLE_COUNT_V1_0; ++r) {
    if (r) out += ", ";
    out += rebuy::role_name(r);
  }
  return out;
}

// Lists the columns for an error message; a survey may have hundreds.
std::string column_list(const std::vector<std::string> &names) {
  constexpr size_t shown = 50;
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) {
    if (i) out += ", ";
    out += '"' + names[i] + '"';
  }
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

size_t find_column(const std::vector<std::string> &names, std::string_view column,
                   std::string_view option) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == column) return i;
  for (size_t i = 0; i < names.size(); ++i)
    if (ascii_iequals(names[i], column)) return i;
  throw rebuy::error("csv: no column \"" + std::string(column) + "\" (in " + std::string(option) +
                     "); the columns are: " + column_list(names));
}

rebuy_role parse_role(std::string_view name, std::string_view option) {
  std::string spelled = ascii_lower(trim_ascii(name));
  for (char &c : spelled)
    if (c == '-') c = '_'; // accept "buy-again" for "buy_again"
  if (auto role = rebuy::role_from_name(spelled)) return *role;
  throw rebuy::error("csv: unknown role \"" + std::string(name) + "\" (in " + std::string(option) +
                     "); the roles are: " + role_list());
}

struct override_request {
  rebuy_role role;
  size_t column;
  std::string option; // as the user wrote it, for messages
};

} // namespace

std::vector<std::string> unique_column_names(std::span<const std::string_view> header) {
  std::vector<std::string> names;
  names.reserve(header.size());
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view name = trim_ascii(header[i]);
    names.emplace_back(name.empty() ? "column_" + std::to_string(i + 1) : std::string(name));
  }
  // Reserve every name as written first, so a real "Name (2)" column keeps
  // its name and the second "Name" becomes "Name (3)".
  std::unordered_set<std::string> used;
  std::vector<bool> repeat(names.size(), false);
  for (size_t i = 0; i < names.size(); ++i)
    repeat[i] = !used.insert(names[i]).second;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!repeat[i]) continue;
    for (size_t n = 2;; ++n) {
      std::string candidate = names[i] + " (" + std::to_string(n) + ")";
      if (used.insert(candidate).second) {
        names[i] = std::move(candidate);
        break;
      }
    }
  }
  return names;
}

void apply_role_overrides(const std::vector<std::string> &names, std::vector<rebuy_role> &roles,
                          const rebuy::options &options) {
  std::vector<override_request> requests;
  for (const auto &[key, value] : options.items()) {
    if (key == "map") {
      std::string option = "map " + value;
      size_t eq = value.find('=');
      if (eq == std::string::npos)
        throw rebuy::error("csv: \"" + option + "\" is not ROLE=COLUMN, e.g. nps=\"How likely\"");
      std::string_view v = value;
      rebuy_role role = parse_role(v.substr(0, eq), option);
      requests.push_back({role, find_column(names, trim_ascii(v.substr(eq + 1)), option), option});
    } else if (key == "attribute") {
      std::string option = "attribute " + value;
      requests.push_back(
          {REBUY_ROLE_ATTRIBUTE, find_column(names, trim_ascii(value), option), option});
    }
  }

  // Two columns asked for one single-valued role is a contradiction, not a
  // preference: say so rather than silently keep one.
  for (size_t i = 0; i < requests.size(); ++i)
    for (size_t j = i + 1; j < requests.size(); ++j)
      if (requests[i].role == requests[j].role && !role_repeats(requests[i].role) &&
          requests[i].column != requests[j].column)
        throw rebuy::error(std::string("csv: role ") + rebuy::role_name(requests[i].role) +
                           " is mapped twice (" + requests[i].option + ", " + requests[j].option +
                           "); a record holds one");

  for (const override_request &r : requests) {
    if (!role_repeats(r.role))
      for (rebuy_role &guessed : roles)
        if (guessed == r.role) guessed = REBUY_ROLE_ATTRIBUTE;
    roles[r.column] = r.role;
  }
}

} // namespace rebuy_csv
