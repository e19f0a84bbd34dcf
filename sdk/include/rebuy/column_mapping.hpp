// rebuy plugin SDK: column names and the user's role overrides.
//
// Every importer of tabular exports names its columns from a header and lets
// the user override its role guesses with --map ROLE=COLUMN; these helpers
// make that behave the same in every plugin.
#ifndef REBUY_COLUMN_MAPPING_HPP
#define REBUY_COLUMN_MAPPING_HPP

#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace rebuy {

// Header cells made usable as field names: trimmed, a blank one named
// "column_N" after its 1-based position, and repeats named "Name (2)",
// "Name (3)"... The names a file actually has are never renamed, so a
// mapping written against them keeps working.
inline std::vector<std::string> unique_column_names(const std::vector<std::string_view> &header);

// Applies the user's mapping to guessed roles:
//   map=ROLE=COLUMN     gives COLUMN the role (ROLE "attribute" unmaps it)
//   attribute=COLUMN    unmaps COLUMN
// COLUMN is matched exactly, then ignoring ASCII case. A role a record holds
// once moves: the column that had it by guess becomes an attribute. Throws
// rebuy::error naming the known roles or columns when one is unknown.
inline void apply_role_overrides(const std::vector<std::string> &names,
                                 std::vector<rebuy_role> &roles, const rebuy::options &options);

// Whether a record may hold several fields of this role.
inline bool role_repeats(rebuy_role role) noexcept {
  return role == REBUY_ROLE_TEXT || role == REBUY_ROLE_ATTRIBUTE;
}

namespace detail {

inline std::string role_list() {
  std::string out;
  for (rebuy_role r = 0; r < REBUY_ROLE_COUNT_V1_0; ++r) {
    if (r) out += ", ";
    out += rebuy::role_name(r);
  }
  return out;
}

// Lists the columns for an error message; a survey may have hundreds.
inline std::string column_list(const std::vector<std::string> &names) {
  constexpr size_t shown = 50;
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) {
    if (i) out += ", ";
    out += '"' + names[i] + '"';
  }
  if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
  return out;
}

inline size_t find_column(const std::vector<std::string> &names, std::string_view column,
                          std::string_view option) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == column) return i;
  for (size_t i = 0; i < names.size(); ++i)
    if (ascii_iequals(names[i], column)) return i;
  throw rebuy::error("no column \"" + std::string(column) + "\" (in " + std::string(option) +
                     "); the columns are: " + detail::column_list(names));
}

inline rebuy_role parse_role(std::string_view name, std::string_view option) {
  std::string spelled = ascii_lower(trim_ascii(name));
  for (char &c : spelled)
    if (c == '-') c = '_'; // accept "buy-again" for "buy_again"
  if (auto role = rebuy::role_from_name(spelled)) return *role;
  throw rebuy::error("unknown role \"" + std::string(name) + "\" (in " + std::string(option) +
                     "); the roles are: " + detail::role_list());
}

struct override_request {
  rebuy_role role;
  size_t column;
  std::string option; // as the user wrote it, for messages
};

} // namespace detail

inline std::vector<std::string> unique_column_names(const std::vector<std::string_view> &header) {
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

inline void apply_role_overrides(const std::vector<std::string> &names,
                                 std::vector<rebuy_role> &roles, const rebuy::options &options) {
  std::vector<detail::override_request> requests;
  for (const auto &[key, value] : options.items()) {
    if (key == "map") {
      std::string option = "map " + value;
      size_t eq = value.find('=');
      if (eq == std::string::npos)
        throw rebuy::error("\"" + option + "\" is not ROLE=COLUMN, e.g. nps=\"How likely\"");
      std::string_view v = value;
      rebuy_role role = detail::parse_role(v.substr(0, eq), option);
      requests.push_back(
          {role, detail::find_column(names, trim_ascii(v.substr(eq + 1)), option), option});
    } else if (key == "attribute") {
      std::string option = "attribute " + value;
      requests.push_back(
          {REBUY_ROLE_ATTRIBUTE, detail::find_column(names, trim_ascii(value), option), option});
    }
  }

  // Two columns asked for one single-valued role is a contradiction, not a
  // preference: say so rather than silently keep one.
  for (size_t i = 0; i < requests.size(); ++i)
    for (size_t j = i + 1; j < requests.size(); ++j)
      if (requests[i].role == requests[j].role && !role_repeats(requests[i].role) &&
          requests[i].column != requests[j].column)
        throw rebuy::error(std::string("role ") + rebuy::role_name(requests[i].role) +
                           " is mapped twice (" + requests[i].option + ", " + requests[j].option +
                           "); a record holds one");

  for (const detail::override_request &r : requests) {
    if (!role_repeats(r.role))
      for (rebuy_role &guessed : roles)
        if (guessed == r.role) guessed = REBUY_ROLE_ATTRIBUTE;
    roles[r.column] = r.role;
  }
}

} // namespace rebuy

#endif // REBUY_COLUMN_MAPPING_HPP
