#pragma once
// What the host offers a plugin object (rebuy_host), and how it hears errors.
#include <rebuy/plugin_abi.h>

#include <string>

namespace rebuy::core {

// Logs into spdlog under the plugin's id and forwards cancellation. Must
// outlive the plugin object it is given to.
class host_services {
public:
  explicit host_services(std::string plugin_id);
  host_services(const host_services &) = delete;
  host_services &operator=(const host_services &) = delete;
  const rebuy_host *get() const { return &host_; }
  const std::string &plugin_id() const { return plugin_id_; }

private:
  std::string plugin_id_;
  rebuy_host host_;
};

// Collects the message a plugin reports through its error sink.
class error_capture {
public:
  error_capture();
  error_capture(const error_capture &) = delete;
  error_capture &operator=(const error_capture &) = delete;
  rebuy_error_sink *sink() { return &sink_; }
  // The message, or `fallback` when the plugin gave none.
  std::string message_or(std::string_view fallback) const;

private:
  std::string message_;
  rebuy_error_sink sink_;
};

} // namespace rebuy::core
