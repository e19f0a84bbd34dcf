#include "host/importer_session.hpp"

#include "host/plugin_fault.hpp"

#include "util/errors.hpp"
#include "util/utf8.hpp"

#include <rebuy/plugin.hpp>

#include <cstddef>

namespace rebuy::core {

std::vector<rebuy_option> to_abi_options(const option_list &options) {
  std::vector<rebuy_option> out;
  for (const auto &[key, value] : options)
    out.push_back({to_str(key), to_str(value)});
  return out;
}

importer_session::importer_session(plugin_ptr plugin, const rebuy_input &input,
                                   const option_list &options)
    : plugin_(std::move(plugin)), host_(plugin_->id()), api_(plugin_->importer_api()),
      file_(to_view(input.name)) {
  auto abi_options = to_abi_options(options);
  error_capture errors;
  in_plugin call(*plugin_, "opening", file_);
  rebuy_status status = api_->open(host_.get(), &input, abi_options.data(), abi_options.size(),
                                   &handle_, errors.sink());
  if (status == REBUY_CANCELLED) throw input_error("cancelled");
  if (status != REBUY_OK || !handle_) {
    handle_ = nullptr;
    throw input_error(errors.message_or("the importer could not open it"));
  }
}

importer_session::~importer_session() {
  if (!handle_) return;
  in_plugin call(*plugin_, "closing", file_);
  api_->close(handle_);
}

source_description importer_session::describe() {
  rebuy_source_info info{};
  info.struct_size = sizeof(info);
  error_capture errors;
  in_plugin call(*plugin_, "describing", file_);
  if (api_->describe(handle_, &info, errors.sink()) != REBUY_OK)
    throw input_error(errors.message_or("the importer could not describe its columns"));
  source_description out;
  out.source = to_view(info.source);
  out.kind = info.kind;
  // Notes arrived with ABI 1.1: a plugin built before it leaves them out.
  const bool notes = info.struct_size >= offsetof(rebuy_source_info, note) + sizeof(info.note);
  for (size_t i = 0; info.columns && i < info.column_count; ++i) {
    column_mapping &c = out.columns.emplace_back();
    c.name = to_view(info.columns[i].name);
    c.role = info.columns[i].role;
    if (!notes || !info.column_notes) continue;
    const rebuy_column_note &n = info.column_notes[i];
    c.scale = repair_utf8(to_view(n.scale));
    c.reason = repair_utf8(to_view(n.reason));
    c.missing = repair_utf8(to_view(n.missing));
    c.suggestion = repair_utf8(to_view(n.suggestion));
  }
  if (notes) out.note = repair_utf8(to_view(info.note));
  return out;
}

bool importer_session::next(size_t max_rows, rebuy_batch &out) {
  out = rebuy_batch{};
  out.struct_size = sizeof(rebuy_batch);
  if (ended_) return false;
  error_capture errors;
  rebuy_status status;
  {
    in_plugin call(*plugin_, "reading", file_, ++batches_);
    status = api_->read_batch(handle_, max_rows, &out, errors.sink());
  }
  switch (status) {
  case REBUY_OK:
    break;
  case REBUY_END:
    // The ABI asks for an empty batch with the end; rows that come with it
    // anyway are rows of the file, and nothing is dropped.
    ended_ = true;
    if (out.record_count + out.reject_count + out.skip_count == 0) return false;
    break;
  case REBUY_CANCELLED:
    throw input_error("cancelled");
  default:
    throw input_error(errors.message_or("the importer failed without a message"));
  }
  bool consistent = (out.records || !out.record_count) && (out.rejects || !out.reject_count) &&
                    (out.skips || !out.skip_count);
  if (!consistent) throw input_error("the importer returned a batch with missing arrays");
  return true;
}

} // namespace rebuy::core
