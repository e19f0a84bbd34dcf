#pragma once
// `rebuy plugins check`: the conformance suite every plugin must pass.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace rebuy::core {

struct plugin_check_request {
  std::string target; // a plugin file, or the id of a plugin on the search path
  std::optional<std::filesystem::path> sample;
  std::chrono::seconds timeout{120}; // per check
};

struct plugin_check_summary {
  size_t passed = 0, failed = 0, skipped = 0;
};

// Loads the file with the host's trust checks, runs every check of its kind
// (each in a child process) and prints a PASS, FAIL or SKIP line for each.
// Throws input_error when the target or the sample does not exist.
plugin_check_summary run_plugin_check(const plugin_check_request &request);

} // namespace rebuy::core
