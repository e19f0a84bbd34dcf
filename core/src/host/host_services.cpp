#include "host/host_services.hpp"

#include "util/cancel.hpp"
#include "util/utf8.hpp"

#include <rebuy/plugin.hpp>
#include <spdlog/spdlog.h>

namespace rebuy::core {
namespace {

// Plugin text is untrusted: never let invalid UTF-8 into logs or the store.
std::string sanitized(rebuy_str s) {
  auto view = to_view(s).substr(0, 4096);
  return is_valid_utf8(view) ? std::string(view) : std::string("(message is not valid UTF-8)");
}

void log(void *context, rebuy_log_level level, rebuy_str message) {
  auto *self = static_cast<host_services *>(context);
  auto text = sanitized(message);
  switch (level) {
  case REBUY_LOG_DEBUG:
    spdlog::debug("[{}] {}", self->plugin_id(), text);
    break;
  case REBUY_LOG_INFO:
    spdlog::info("[{}] {}", self->plugin_id(), text);
    break;
  case REBUY_LOG_WARN:
    spdlog::warn("[{}] {}", self->plugin_id(), text);
    break;
  default:
    spdlog::error("[{}] {}", self->plugin_id(), text);
    break;
  }
}

// The host measures import progress itself from the bytes read; a plugin's
// own progress reports are kept for debugging.
void progress(void *context, uint64_t done, uint64_t total) {
  spdlog::trace("[{}] progress {}/{}", static_cast<host_services *>(context)->plugin_id(), done,
                total);
}

int32_t cancelled(void *) { return cancel_requested() ? 1 : 0; }

void set_error(void *context, rebuy_str message) {
  *static_cast<std::string *>(context) = sanitized(message);
}

} // namespace

host_services::host_services(std::string plugin_id) : plugin_id_(std::move(plugin_id)) {
  host_.struct_size = sizeof(rebuy_host);
  host_.context = this;
  host_.log = log;
  host_.progress = progress;
  host_.cancelled = cancelled;
}

error_capture::error_capture() : sink_{&message_, set_error} {}

std::string error_capture::message_or(std::string_view fallback) const {
  return message_.empty() ? std::string(fallback) : message_;
}

} // namespace rebuy::core
