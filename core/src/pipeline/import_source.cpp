#include "pipeline/import_source.hpp"

#include "host/importer_choice.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>

namespace rebuy::core {
namespace {

int64_t read_input(void *context, char *buffer, size_t capacity) {
  auto *self = static_cast<input_adapter *>(context);
  try {
    size_t n = self->reader.read(buffer, capacity);
    self->raw_bytes.store(self->reader.raw_bytes_read(), std::memory_order_relaxed);
    return static_cast<int64_t>(n);
  } catch (const std::exception &e) {
    self->error = e.what();
    return -1;
  }
}

// Checked before anything else, so a missing file is not reported as unrecognised.
const std::filesystem::path &existing_file(const std::filesystem::path &file) {
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (status.type() == std::filesystem::file_type::not_found)
    throw input_error(fmt::format("{}: no such file", file.string()));
  if (ec)
    throw unavailable_error(fmt::format("{}: cannot be read ({}): check the permissions of the "
                                        "file and the directories above it",
                                        file.string(), ec.message()));
  if (!std::filesystem::is_regular_file(status))
    throw input_error(fmt::format("{}: not a regular file", file.string()));
  return file;
}

} // namespace

input_adapter::input_adapter(decoded_reader &r, std::string file_name)
    : reader(r), name(std::move(file_name)) {
  abi.struct_size = sizeof(abi);
  abi.context = this;
  abi.name = to_str(name);
  abi.size_hint = reader.file_size();
  abi.read = &read_input;
}

import_source::import_source(const plugin_registry &registry, const import_request &request)
    : plugin(choose_importer(registry, existing_file(request.file), request.importer)),
      reader(request.file, plugin->has(REBUY_CAP_IMPORTER_RAW_INPUT)),
      input(reader, request.file.string()) {
  try {
    session = std::make_unique<importer_session>(
        plugin, input.abi, options_for(plugin->id(), request.options, request.scoped));
  } catch (const input_error &e) {
    throw input_error(fmt::format("{}: {}: {}", request.file.string(), plugin->id(), e.what()));
  }
}

} // namespace rebuy::core
