#pragma once
// `rebuy analyze`: a reader pages through pending responses, worker threads
// prepare text once and run every analyzer, and the calling thread writes the
// scores. Only responses an analyzer has not seen at its version are analyzed.
#include "host/importer_session.hpp"
#include "host/plugin_options.hpp"
#include "host/plugin_registry.hpp"
#include "store/sql.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct analysis_request {
  bool rerun = false;    // forget earlier results and analyze everything
  option_list options;   // passed to every analyzer
  scoped_options scoped; // each only to the analyzer it names, after `options`
  size_t batch_size = 2048;
  unsigned workers = 0; // 0: one per core
};

struct analysis_outcome {
  uint64_t responses = 0; // responses analyzed by at least one analyzer
  uint64_t scores = 0;
  std::vector<std::string> analyzers; // "id version"
};

analysis_outcome analyze_store(const plugin_registry &registry, sql::connection &db,
                               const analysis_request &request);

} // namespace rebuy::core
