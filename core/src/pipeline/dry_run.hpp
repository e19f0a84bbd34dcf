#pragma once
// `rebuy import --dry-run FILE`: which importer would read the file, how it
// maps the columns, the first rows as mapped and the counts. Writes nothing.
#include "pipeline/import_source.hpp"
#include "store/staged_batch.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct previewed_field {
  rebuy_role role;
  std::string name, value;
};

struct dry_run_outcome {
  std::string importer, importer_version, source, encoding;
  bool converted = false;
  std::string date_note, relative_date_note;
  std::vector<column_mapping> columns;
  std::string source_note;
  std::vector<std::pair<uint64_t, std::vector<previewed_field>>> preview; // line, fields
  std::vector<staged_issue> issues;                                       // the first few
  uint64_t records = 0, rejected = 0, skipped = 0, values_refused = 0;
  uint64_t rows_in() const { return records + rejected + skipped; }
};

dry_run_outcome dry_run_import(const plugin_registry &registry, const import_request &request,
                               size_t preview_rows = 5, size_t issue_rows = 5);

} // namespace rebuy::core
