#include "cli/context.hpp"
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/estimates.hpp"

#include "util/errors.hpp"

#include <fmt/format.h>

namespace rebuy::core {

void add_analyze_command(CLI::App &app, cli_context &context) {
  auto rerun = std::make_shared<bool>(false);
  auto given = std::make_shared<std::vector<std::string>>();
  auto horizon = std::make_shared<int>(0);
  auto *cmd = app.add_subcommand(
      "analyze", "Analyze responses no analyzer has seen yet (at its current version)");
  cmd->add_flag("--rerun", *rerun, "Forget earlier results and analyze every response again");
  cmd->add_option("--option", *given,
                  "Pass an option to every analyzer: KEY=VALUE, or to one: ANALYZER.KEY=VALUE "
                  "(repeatable; see plugins info)");
  auto *horizon_option =
      cmd->add_option(
             "--horizon", *horizon,
             "Count a respondent as having ordered again when they ordered within DAYS days "
             "after responding (kept in the store; 90 until set)")
          ->option_text("DAYS");
  cmd->callback([&context, rerun, given, horizon, horizon_option] {
    analysis_request request;
    request.rerun = *rerun;
    auto options = parse_plugin_options(*given, context.plugins());
    for (const auto &scope : options.scoped)
      if (context.plugins().find(scope.first)->kind() != REBUY_KIND_ANALYZER)
        throw usage_error(fmt::format("--option {}.…: '{}' is an importer, and analyze passes "
                                      "options only to analyzers",
                                      scope.first, scope.first));
    request.options = std::move(options.unscoped);
    request.scoped = std::move(options.scoped);
    auto &db = context.existing_store();
    if (horizon_option->count() > 0) store_horizon_days(db, *horizon);
    auto outcome = analyze_store(context.plugins(), db, request);
    if (horizon_option->count() > 0)
      fmt::print("ordered again now means within {} days of responding\n", *horizon);
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
