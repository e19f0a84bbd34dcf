#include "cli/context.hpp"
#include "pipeline/analyze_pipeline.hpp"

#include <fmt/format.h>

namespace rebuy::core {

void add_analyze_command(CLI::App &app, cli_context &context) {
  auto rerun = std::make_shared<bool>(false);
  auto *cmd = app.add_subcommand(
      "analyze", "Analyze responses no analyzer has seen yet (at its current version)");
  cmd->add_flag("--rerun", *rerun, "Forget earlier results and analyze every response again");
  cmd->callback([&context, rerun] {
    analysis_request request;
    request.rerun = *rerun;
    auto outcome = analyze_store(context.plugins(), context.existing_store(), request);
    std::string analyzers;
    for (const auto &a : outcome.analyzers)
      analyzers += (analyzers.empty() ? "" : ", ") + a;
    if (outcome.responses == 0)
      fmt::print("nothing to analyze: every response is up to date ({})\n", analyzers);
    else
      fmt::print("analyzed {} responses: {} scores ({})\n", outcome.responses, outcome.scores,
                 analyzers);
  });
}

} // namespace rebuy::core
