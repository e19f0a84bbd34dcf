#pragma once
// `rebuy analyze`: a reader pages through pending responses, worker threads
// prepare text once and run every analyzer, and the calling thread writes the
// scores. Only responses an analyzer has not seen at its version are analyzed.
#include "host/importer_session.hpp"
#include "host/plugin_options.hpp"
#include "host/plugin_registry.hpp"
#include "pipeline/analysis_worker.hpp"
#include "store/score_writer.hpp"
#include "store/sql.hpp"

#include <memory>
#include <string>
#include <vector>

namespace rebuy::core {

struct text_walk_beside; // pipeline/text_model.hpp

struct analysis_request {
  bool rerun = false;    // forget earlier results and analyze everything
  option_list options;   // passed to every analyzer
  scoped_options scoped; // each only to the analyzer it names, after `options`
  size_t batch_size = 2048;
  unsigned workers = 0; // 0: one per core
  // What the import just before walked for the text model (import_outcome::text_walk): used when
  // no other connection wrote to the store since.
  std::shared_ptr<const text_walk_beside> text_walk;
};

struct analysis_outcome {
  uint64_t responses = 0; // responses analyzed by at least one analyzer
  uint64_t scores = 0;
  std::vector<std::string> analyzers; // "id version"
};

// The installed analyzers, as an analysis runs them.
struct analyzer_lineup {
  std::vector<plugin_ptr> plugins;
  std::vector<analyzer_identity> identities;
  std::vector<analyzer_metrics> metrics;
  bool with_attributes = false; // some analyzer reads the attributes
  // One per worker thread; created up front, so that a failing analyzer stops an analysis
  // before any work. `subject` is the store.
  std::vector<std::unique_ptr<analysis_worker>> make_workers(const analysis_request &request,
                                                             const std::string &subject) const;
};
// Throws input_error when more than 64 are installed.
analyzer_lineup installed_analyzers(const plugin_registry &registry);

analysis_outcome analyze_store(const plugin_registry &registry, sql::connection &db,
                               const analysis_request &request);

} // namespace rebuy::core
