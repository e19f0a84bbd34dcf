#pragma once
// The conformance checks of `rebuy plugins check`, per plugin kind. Each check
// is a function the runner calls in a child process of its own.
#include "host/check_result.hpp"
#include "check/unrelated_inputs.hpp"
#include "host/plugin_registry.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rebuy::core {

struct named_check {
  std::string name;
  std::function<check_result()> run;
};

struct unrelated_file {
  unrelated_input input;
  std::filesystem::path path; // where its bytes were written
};

// What the checks read: the author's sample, if any, and the unrelated inputs
// written to a scratch directory the checks may also use for a database.
struct check_inputs {
  std::optional<std::filesystem::path> sample;
  std::vector<unrelated_file> unrelated;
  std::filesystem::path scratch;
};

// `registry` holds the plugin; the sample is imported through it.
std::vector<named_check> importer_checks(const plugin_ptr &importer,
                                         const plugin_registry &registry,
                                         const check_inputs &inputs);

// The sample, when given, is read by the importer of `registry` that claims it
// (the installed ones), and its responses are scored too.
std::vector<named_check> analyzer_checks(const plugin_ptr &analyzer,
                                         const plugin_registry &registry,
                                         const check_inputs &inputs);

} // namespace rebuy::core
