// Column names and the user's role overrides.
#ifndef REBUY_CSV_COLUMN_MAPPING_HPP
#define REBUY_CSV_COLUMN_MAPPING_HPP

#include <rebuy/plugin.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_csv {

// Header cells made usable as field names: trimmed, a blank one named
// "column_N" after its 1-based position, and repeats named "Name (2)",
// "Name (3)"... The names a file actually has are never renamed, so a
// mapping written against them keeps working.
std::vector<std::string> unique_column_names(std::span<const std::string_view> header);

// Applies the user's mapping to guessed roles:
//   map=ROLE=COLUMN     gives COLUMN the role (ROLE "attribute" unmaps it)
//   attribute=COLUMN    unmaps COLUMN
// COLUMN is matched exactly, then ignoring ASCII case. A role a record holds
// once moves: the column that had it by guess becomes an attribute. Throws
// rebuy::error naming the known roles or columns when one is unknown.
void apply_role_overrides(const std::vector<std::string> &names, std::vector<rebuy_role> &roles,
                          const rebuy::options &options);

// Whether a record may hold several fields of this role.
inline bool role_repeats(rebuy_role role) noexcept {
  return role == REBUY_ROLE_TEXT || role == REBUY_ROLE_ATTRIBUTE;
}

} // namespace rebuy_csv

#endif // REBUY_CSV_COLUMN_MAPPING_HPP
