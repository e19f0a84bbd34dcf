#include "cli/context.hpp"
#include "host/plugin_fault.hpp"
#include "host/plugin_verdicts.hpp"
#include "store/unavailable.hpp"
#include "util/cancel.hpp"
#include "util/errors.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace rebuy::core {
namespace {

constexpr const char *global_group = "Global options (before or after the command)";

// A command's help ends with the global options, since they work after it too.
class help_formatter : public CLI::Formatter {
public:
  std::string make_footer(const CLI::App *app) const override {
    const CLI::App *root = app;
    while (root->get_parent())
      root = root->get_parent();
    if (root == app) return CLI::Formatter::make_footer(app);
    auto globals =
        root->get_options([](const CLI::Option *o) { return o->get_group() == global_group; });
    return make_group(global_group, false, globals) + CLI::Formatter::make_footer(app);
  }
};

} // namespace

int run_cli(int argc, char **argv) {
  // Diagnostics go to stderr so stdout stays clean for reports and exports.
  auto logger = spdlog::stderr_color_mt("rebuy");
  logger->set_pattern("rebuy: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::warn);

  cli_context context;
  CLI::App app{"rebuy: would this customer buy from us again, and would they send us their "
               "friends?"};
  app.require_subcommand(1);
  // Every command (added below, so they inherit both) hands options it does
  // not know to its parent: `rebuy import --db x.db f.csv` works like
  // `rebuy --db x.db import f.csv`.
  app.fallthrough();
  app.formatter(std::make_shared<help_formatter>());
  app.add_option("--db", context.db_flag,
                 "The store: an SQLite file, or a PostgreSQL URL "
                 "(postgresql://user@host:port/dbname) (default: $REBUY_DB, else ./rebuy.db)")
      ->option_text("PATH|URL")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->group(global_group);
  app.add_option("--wait", context.wait_flag,
                 "Seconds to wait while another rebuy writes to the store (default: $REBUY_WAIT, "
                 "else 120)")
      ->check(CLI::NonNegativeNumber)
      ->group(global_group);
  app.footer("Exit codes: 0 ok, 1 usage, 2 bad input, 3 internal error, 4 the store or an input "
             "is unavailable (locked by another writer, disk full, permission denied, cannot be "
             "opened), 5 a plugin crashed (it is set aside: see `rebuy plugins list`).");
  app.add_flag("-v,--verbose", context.verbose, "Log what happens, for debugging")
      ->group(global_group);
  app.set_version_flag("--version", REBUY_VERSION)->group(global_group);
  app.parse_complete_callback([&] {
    if (context.verbose) spdlog::set_level(spdlog::level::debug);
  });
  add_import_command(app, context);
  add_analyze_command(app, context);
  add_report_command(app, context);
  add_export_command(app, context);
  add_plugins_command(app, context);
  add_rejects_command(app, context);
  add_demo_command(app, context);
  add_db_command(app, context);

  install_cancel_handler();
  install_plugin_crash_handler(default_verdicts_file());
  try {
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError &e) {
    return app.exit(e) == 0 ? 0 : 1;
  } catch (const usage_error &e) {
    spdlog::error("{}", e.what());
    return 1;
  } catch (const input_error &e) {
    spdlog::error("{}", e.what());
    return 2;
  } catch (const unavailable_error &e) {
    spdlog::error("{}", e.what());
    return 4;
  } catch (const sql::error &e) {
    if (auto why = store_unavailable(e, context.database_path(), context.lock_wait())) {
      spdlog::error("{}", *why);
      return 4;
    }
    spdlog::error("internal error: {}", e.what());
    return 3;
  } catch (const std::exception &e) {
    spdlog::error("internal error: {}", e.what());
    return 3;
  }
}

} // namespace rebuy::core
