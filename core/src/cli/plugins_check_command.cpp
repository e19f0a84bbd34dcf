#include "check/plugin_check.hpp"
#include "cli/context.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

struct check_flags {
  std::string target, sample;
  int timeout = 120;
};

} // namespace

void add_plugins_check_command(CLI::App &plugins) {
  auto flags = std::make_shared<check_flags>();
  auto *cmd = plugins.add_subcommand(
      "check", "Run the conformance checks on a plugin file; exit 2 if any fails");
  cmd->add_option("plugin", flags->target, "A plugin file (rebuy_<id>.so), or an installed id")
      ->required();
  cmd->add_option("--sample", flags->sample,
                  "An input the plugin should read: imported by an importer, scored by an "
                  "analyzer");
  cmd->add_option("--timeout", flags->timeout, "Seconds each check may take")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  cmd->callback([flags] {
    plugin_check_request request;
    request.target = flags->target;
    if (!flags->sample.empty()) request.sample = flags->sample;
    request.timeout = std::chrono::seconds(flags->timeout);
    auto summary = run_plugin_check(request);
    fmt::print("{} passed, {} failed, {} skipped\n", summary.passed, summary.failed,
               summary.skipped);
    if (summary.failed)
      throw input_error(fmt::format("{} does not pass: {} of {} checks failed", flags->target,
                                    summary.failed,
                                    summary.passed + summary.failed + summary.skipped));
  });
}

} // namespace rebuy::core
