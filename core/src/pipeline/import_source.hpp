#pragma once
// A file opened for import: the importer chosen for it, the decoded text it
// reads, and the open importer object.
#include "host/importer_session.hpp"
#include "host/plugin_options.hpp"
#include "host/plugin_registry.hpp"
#include "input/decoded_reader.hpp"
#include "util/loose_date.hpp"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rebuy::core {

struct import_request {
  std::filesystem::path file;
  std::string importer;            // --as; empty: detect
  std::string source;              // --source; empty: the importer's suggestion, else the file name
  option_list options;             // e.g. {"map", "nps=Column"}
  scoped_options scoped;           // --option ID.KEY=VALUE: the chosen importer's follow `options`
  std::optional<date_order> dates; // --date-order; empty: decided from the file
  size_t batch_size = 1024;
};

// The rebuy_input handed to the importer, reading through decoded_reader.
struct input_adapter {
  input_adapter(decoded_reader &reader, std::string file_name);
  input_adapter(const input_adapter &) = delete;
  input_adapter &operator=(const input_adapter &) = delete;

  decoded_reader &reader;
  std::string name;
  std::string error;                  // why the last read failed
  std::atomic<uint64_t> raw_bytes{0}; // read so far, for progress on another thread
  rebuy_input abi{};
};

struct import_source {
  // Throws input_error naming the file when it is missing, no importer
  // recognises it, or the importer cannot open it.
  import_source(const plugin_registry &registry, const import_request &request);

  plugin_ptr plugin;
  decoded_reader reader;
  input_adapter input;
  std::unique_ptr<importer_session> session;
};

} // namespace rebuy::core
