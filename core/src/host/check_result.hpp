#pragma once
// The outcome of one check of a plugin: a conformance check, as `rebuy plugins
// check` prints it, or the host's first load of a new plugin file in a child.
#include <string>

namespace rebuy::core {

struct check_result {
  enum class outcome { pass, fail, skip };
  outcome status = outcome::pass;
  std::string detail; // one line; a failure may add indented lines after a '\n'

  static check_result passed(std::string detail) { return {outcome::pass, std::move(detail)}; }
  static check_result failed(std::string detail) { return {outcome::fail, std::move(detail)}; }
  static check_result skipped(std::string detail) { return {outcome::skip, std::move(detail)}; }
};

} // namespace rebuy::core
