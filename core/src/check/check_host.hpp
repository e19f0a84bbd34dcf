#pragma once
// The host services a plugin sees while it is checked: like the real ones,
// except that everything the plugin says is kept as it was sent, so the
// checks can judge it (valid UTF-8, a message for every error).
#include <rebuy/plugin_abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

class check_host {
public:
  check_host();
  check_host(const check_host &) = delete;
  check_host &operator=(const check_host &) = delete;

  const rebuy_host *get() const { return &host_; }
  size_t messages() const { return messages_; }
  // The first few log messages that were not valid UTF-8, as sent.
  const std::vector<std::string> &invalid_messages() const { return invalid_; }

private:
  rebuy_host host_{};
  size_t messages_ = 0;
  std::vector<std::string> invalid_;
};

// Receives one call's error message, kept as the plugin sent it.
class raw_error_sink {
public:
  raw_error_sink();
  raw_error_sink(const raw_error_sink &) = delete;
  raw_error_sink &operator=(const raw_error_sink &) = delete;

  rebuy_error_sink *get() { return &sink_; }
  bool was_set() const { return set_; }
  const std::string &message() const { return message_; }

private:
  std::string message_;
  bool set_ = false;
  rebuy_error_sink sink_{};
};

// Names a status for messages: "REBUY_ERROR", or "status 42".
std::string status_name(rebuy_status status);

// How a call that did not succeed broke the rules, if it did: a failure must be REBUY_ERROR
// with a message in valid UTF-8, and REBUY_CANCELLED only comes when the host asked.
struct failure_problem {
  std::string what; // empty: it failed properly
  bool in_message_encoding = false;
};
failure_problem judge_failure(rebuy_status status, const raw_error_sink &errors,
                              std::string_view call);

} // namespace rebuy::core
