#pragma once
// An analyzer plugin object driven through its C functions, with every answer
// judged against the ABI's rules.
#include "check/check_host.hpp"
#include "check/findings.hpp"
#include "host/importer_session.hpp"
#include "host/plugin.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rebuy::core {

enum class analyzer_rule {
  scores, // outside the batch, undeclared metric, twice for one metric, no value or label
  utf8,   // a label, evidence, message or log line that is not valid UTF-8
  errors, // a failure without a message, or an unasked-for REBUY_CANCELLED
  count_
};

struct copied_score {
  size_t response;
  uint32_t metric;
  double value;
  std::string label, evidence;
};

class checked_analyzer {
public:
  // Creates the object; created() says whether that worked.
  checked_analyzer(const plugin &analyzer, findings<analyzer_rule> &broken,
                   const option_list &options = {});
  ~checked_analyzer();
  checked_analyzer(const checked_analyzer &) = delete;
  checked_analyzer &operator=(const checked_analyzer &) = delete;

  bool created() const { return handle_ != nullptr; }
  // The message of the last failed call, quoted for display.
  const std::string &error() const { return error_; }
  // The scores of one batch, copied; nullopt when the call failed.
  std::optional<std::vector<copied_score>> analyze(std::span<const rebuy_response> responses);
  uint64_t strings() const { return strings_ + host_.messages(); }

private:
  bool judge(rebuy_status status, const raw_error_sink &errors, std::string_view call);
  void judge_text(rebuy_str s, std::string_view what);

  const plugin &plugin_;
  const rebuy_analyzer_api &api_;
  findings<analyzer_rule> &broken_;
  check_host host_;
  rebuy_analyzer *handle_ = nullptr;
  std::string error_;
  uint64_t strings_ = 0;
};

} // namespace rebuy::core
