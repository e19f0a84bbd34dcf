#include "host/analyzer_instance.hpp"

#include "host/plugin_fault.hpp"

#include "util/errors.hpp"
#include "util/utf8.hpp"

#include <rebuy/plugin.hpp>
#include <spdlog/spdlog.h>

namespace rebuy::core {

analyzer_instance::analyzer_instance(plugin_ptr plugin, const option_list &options,
                                     std::string subject)
    : plugin_(std::move(plugin)), host_(plugin_->id()), api_(plugin_->analyzer_api()),
      subject_(std::move(subject)) {
  auto abi_options = to_abi_options(options);
  error_capture errors;
  in_plugin call(*plugin_, "creating an analyzer for", subject_);
  if (api_->create(host_.get(), abi_options.data(), abi_options.size(), &handle_, errors.sink()) !=
          REBUY_OK ||
      !handle_) {
    handle_ = nullptr;
    throw input_error(plugin_->id() + ": " + errors.message_or("could not be created"));
  }
}

analyzer_instance::~analyzer_instance() {
  if (!handle_) return;
  in_plugin call(*plugin_, "destroying an analyzer for", subject_);
  api_->destroy(handle_);
}

std::span<const rebuy_score> analyzer_instance::analyze(std::span<const rebuy_response> responses,
                                                        uint64_t batch) {
  rebuy_scores out{};
  out.struct_size = sizeof(out);
  error_capture errors;
  rebuy_status status;
  {
    in_plugin call(*plugin_, "analyzing the responses of", subject_, batch);
    status = api_->analyze_batch(handle_, responses.data(), responses.size(), &out, errors.sink());
  }
  if (status == REBUY_CANCELLED) throw input_error("cancelled");
  if (status != REBUY_OK)
    throw input_error(plugin_->id() + ": " + errors.message_or("analysis failed"));
  if (!out.scores && out.score_count) throw input_error(plugin_->id() + ": scores missing");

  checked_.clear();
  size_t dropped = 0;
  for (size_t i = 0; i < out.score_count; ++i) {
    const auto &s = out.scores[i];
    bool ok = s.response_index < responses.size() && s.metric < api_->metric_count &&
              is_valid_utf8(to_view(s.label)) && is_valid_utf8(to_view(s.evidence));
    if (ok)
      checked_.push_back(s);
    else
      ++dropped;
  }
  if (dropped)
    spdlog::warn("{}: dropped {} invalid scores (bad index, metric or UTF-8)", plugin_->id(),
                 dropped);
  return checked_;
}

} // namespace rebuy::core
