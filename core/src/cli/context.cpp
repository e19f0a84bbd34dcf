#include "cli/context.hpp"

#include "store/store.hpp"
#include "util/errors.hpp"

#include <fstream>
#include <iostream>

namespace rebuy::core {

std::filesystem::path cli_context::database_path() const { return resolve_database_path(db_flag); }

void cli_context::resolve_lock_wait_flag() {
  lock_wait_ = resolve_lock_wait(wait_flag >= 0 ? std::optional<double>(wait_flag) : std::nullopt);
}

plugin_verdicts &cli_context::verdicts() {
  if (!verdicts_) verdicts_ = std::make_unique<plugin_verdicts>(default_verdicts_file());
  return *verdicts_;
}

plugin_registry &cli_context::plugins() {
  if (!registry_) {
    registry_ = std::make_unique<plugin_registry>(&verdicts());
    registry_->scan(default_plugin_dirs());
  }
  return *registry_;
}

sql::connection &cli_context::store() {
  if (!db_) {
    resolve_lock_wait_flag();
    db_ = open_store(database_path(), lock_wait_);
  }
  return *db_;
}

sql::connection &cli_context::existing_store() {
  if (!db_) {
    resolve_lock_wait_flag();
    db_ = open_existing_store(database_path(), lock_wait_);
  }
  return *db_;
}

void write_output(const std::string &path, const std::string &text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw input_error(path + ": cannot write");
  out << text;
  out.close();
  if (!out) throw input_error(path + ": write failed");
}

} // namespace rebuy::core
