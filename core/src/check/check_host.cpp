#include "check/check_host.hpp"

#include "util/utf8.hpp"

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

} // namespace rebuy::core
