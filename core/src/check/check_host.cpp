#include "check/check_host.hpp"

#include "check/abi_strings.hpp"
#include "util/utf8.hpp"

#include <fmt/format.h>

#include <rebuy/plugin.hpp>

namespace rebuy::core {

check_host::check_host() {
  host_.struct_size = sizeof(rebuy_host);
  host_.context = this;
  host_.log = [](void *context, rebuy_log_level, rebuy_str message) {
    auto *self = static_cast<check_host *>(context);
    ++self->messages_;
    if (!is_valid_utf8(to_view(message)) && self->invalid_.size() < 5)
      self->invalid_.emplace_back(to_view(message));
  };
  host_.progress = [](void *, uint64_t, uint64_t) {};
  host_.cancelled = [](void *) -> int32_t { return 0; };
}

raw_error_sink::raw_error_sink() {
  sink_.context = this;
  sink_.set = [](void *context, rebuy_str message) {
    auto *self = static_cast<raw_error_sink *>(context);
    self->message_.assign(message.data ? message.data : "", message.data ? message.size : 0);
    self->set_ = true;
  };
}

std::string status_name(rebuy_status status) {
  switch (status) {
  case REBUY_OK:
    return "REBUY_OK";
  case REBUY_END:
    return "REBUY_END";
  case REBUY_ERROR:
    return "REBUY_ERROR";
  case REBUY_CANCELLED:
    return "REBUY_CANCELLED";
  default:
    return "status " + std::to_string(status);
  }
}

failure_problem judge_failure(rebuy_status status, const raw_error_sink &errors,
                              std::string_view call) {
  if (status == REBUY_CANCELLED)
    return {fmt::format("{} returned REBUY_CANCELLED, but nothing was cancelled", call)};
  if (status != REBUY_ERROR) return {fmt::format("{} returned {}", call, status_name(status))};
  if (!errors.was_set() || errors.message().empty())
    return {fmt::format("{} failed without a message", call)};
  if (auto problem = string_problem({errors.message().data(), errors.message().size()});
      !problem.empty())
    return {fmt::format("the error message of {}: {}", call, problem), true};
  return {};
}

} // namespace rebuy::core
