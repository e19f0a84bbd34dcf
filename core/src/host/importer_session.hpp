#pragma once
// One importer plugin object reading one input, with every call checked.
#include "host/host_services.hpp"
#include "host/plugin.hpp"

#include <string>
#include <utility>
#include <vector>

namespace rebuy::core {

using option_list = std::vector<std::pair<std::string, std::string>>;

// A column, its role, and what the importer says of it (rebuy_column_note).
struct column_mapping {
  std::string name;
  rebuy_role role;
  std::string scale, reason, missing, suggestion;
};

struct source_description {
  std::string source;
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  std::vector<column_mapping> columns;
  std::string note; // about the whole source, e.g. that it has no header row
};

class importer_session {
public:
  // Throws input_error with the plugin's message when it cannot open the input.
  importer_session(plugin_ptr plugin, const rebuy_input &input, const option_list &options);
  ~importer_session();
  importer_session(const importer_session &) = delete;
  importer_session &operator=(const importer_session &) = delete;

  const plugin &owner() const { return *plugin_; }
  source_description describe();
  // Fills `out` with the next batch (valid until the next call); false at the
  // end. Rows that come with REBUY_END are a last batch like any other. Throws
  // input_error on a plugin error and when cancelled.
  bool next(size_t max_rows, rebuy_batch &out);

private:
  plugin_ptr plugin_;
  host_services host_;
  const rebuy_importer_api *api_;
  std::string file_;     // the input's name, for a crash report
  uint64_t batches_ = 0; // read_batch calls so far
  rebuy_importer *handle_ = nullptr;
  bool ended_ = false; // REBUY_END came: the importer is not called again
};

// Options as the C ABI carries them; views into `options`.
std::vector<rebuy_option> to_abi_options(const option_list &options);

} // namespace rebuy::core
