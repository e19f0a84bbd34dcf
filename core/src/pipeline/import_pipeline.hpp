#pragma once
// `rebuy import FILE`: one importer reads the file on one thread while the
// store writes the previous batch on the other. Every row ends up stored,
// rejected or skipped, and the run records how many of each.
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_source.hpp"
#include "pipeline/text_model.hpp"
#include "store/run_log.hpp"
#include "store/sql.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace rebuy::core {

struct import_outcome {
  import_run run;
  std::vector<column_mapping> columns;
  std::string source_note;        // the importer's note on the whole file
  bool converted = false;         // the file was not UTF-8
  std::string damage;             // why a compressed file ended early; empty when it did not
  bool truncated = false;         // it ended inside a member: the complete rows before were kept
  std::string date_note;          // how all-numeric dates were read, when the file has any
  std::string relative_date_note; // how many dates were relative ("3 days ago"), if any
  uint64_t analyzed = 0;          // responses analyzed beside the import (import_analysis.hpp)
  // What the text model's walk would find in the responses it stored, when all were analyzed
  // beside it: for analysis_request::text_walk.
  std::shared_ptr<text_walk_beside> text_walk;
};

// Imports one file. Throws input_error (naming the file) when it cannot be
// read at all; a failure part-way keeps what was committed and records the
// run as failed before rethrowing. A compressed file is committed only once
// it was read to its end: one that fails its check (corrupt data, a CRC or
// length that does not match) is rolled back whole and throws input_error;
// a truncated one keeps its complete rows and returns with `truncated` set.
// With `analysis`, the new responses are analyzed as they are stored, where they can be
// (pipeline/import_analysis.hpp); analyze_store afterwards analyzes what is left.
import_outcome import_file(const plugin_registry &registry, sql::connection &db,
                           const import_request &request,
                           const analysis_request *analysis = nullptr);

// The mapping as JSON: [{"column": "...", "role": "...", "scale": "1-10", "why": "...",
// "missing": "...", "suggest": "--map ..."}], the last four only when the
// importer said them.
std::string mapping_json(const std::vector<column_mapping> &columns);

} // namespace rebuy::core
