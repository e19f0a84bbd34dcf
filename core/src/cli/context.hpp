#pragma once
// What every command shares: the global flags, the plugins and the store,
// each created on first use.
#include "host/plugin_registry.hpp"
#include "store/sql.hpp"
#include "store/store.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace rebuy::core {

class cli_context {
public:
  std::string db_flag;   // --db
  double wait_flag = -1; // --wait, seconds; negative when not given
  bool verbose = false;

  std::filesystem::path database_path() const;
  // How long the store's statements wait for another writer's lock.
  std::chrono::milliseconds lock_wait() const { return lock_wait_; }
  // The plugins found on the search path (scanned once).
  plugin_registry &plugins();
  // What is known of each plugin file (plugin_verdicts.hpp), read once.
  plugin_verdicts &verdicts();
  // The store, created and migrated if needed.
  sql::connection &store();
  // The store, which must exist already.
  sql::connection &existing_store();

private:
  std::unique_ptr<plugin_verdicts> verdicts_;
  std::unique_ptr<plugin_registry> registry_;
  std::unique_ptr<sql::connection> db_;
  std::chrono::milliseconds lock_wait_ = sql::connection::default_busy_timeout;
  void resolve_lock_wait_flag();
};

// Each command adds itself to the app; its callback does the work.
void add_import_command(CLI::App &app, cli_context &context);
void add_analyze_command(CLI::App &app, cli_context &context);
void add_report_command(CLI::App &app, cli_context &context);
void add_export_command(CLI::App &app, cli_context &context);
void add_plugins_command(CLI::App &app, cli_context &context);
void add_rejects_command(CLI::App &app, cli_context &context);
void add_demo_command(CLI::App &app, cli_context &context);
void add_db_command(CLI::App &app, cli_context &context);
// Subcommands of `rebuy plugins`.
void add_plugins_check_command(CLI::App &plugins);
void add_plugins_new_command(CLI::App &plugins);

// Writes `text` to `path`, or to stdout when path is empty or "-".
void write_output(const std::string &path, const std::string &text);

// Runs the command line; returns the process exit code (0 ok, 1 usage, 2 bad
// input, 3 internal error, 4 the store or an input is unavailable; a plugin
// that crashes ends the process with 5, see plugin_fault.hpp).
int run_cli(int argc, char **argv);

} // namespace rebuy::core
