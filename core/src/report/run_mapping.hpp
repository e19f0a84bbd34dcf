#pragma once
// An import run's mapping as the store keeps it (import_runs.mapping, JSON):
// each column's role, the scale it was read on and why it was mapped.
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

struct mapped_column {
  std::string column, role, scale, why;
};

// The columns with a role other than "attribute", in mapping order. A
// mapping that is not the JSON the import writes gives none.
std::vector<mapped_column> mapped_columns(std::string_view mapping);

} // namespace rebuy::core
