#include "cli/context.hpp"
#include "store/store_copy.hpp"
#include "util/format_count.hpp"

#include <fmt/format.h>

#include <iostream>

namespace rebuy::core {
namespace {

struct copy_flags {
  std::string from, to;
};

} // namespace

void add_db_command(CLI::App &app, cli_context &context) {
  auto *db = app.add_subcommand("db", "Work on the store as a whole");
  db->require_subcommand(1);
  auto flags = std::make_shared<copy_flags>();
  auto *copy = db->add_subcommand(
      "copy", "Copy a store into a new one, between SQLite files and PostgreSQL databases "
              "(postgresql://user@host:port/dbname), with every run, response, reject, order, "
              "setting and score");
  copy->add_option("FROM", flags->from, "The store to copy (a file or a URL)")->required();
  copy->add_option("TO", flags->to, "The new store (a file or a URL; it must hold nothing yet)")
      ->required();
  copy->callback([&context, flags] {
    context.db_flag = flags->to; // for messages about a store that is unavailable
    const auto wait = resolve_lock_wait(
        context.wait_flag >= 0 ? std::optional<double>(context.wait_flag) : std::nullopt);
    auto from = open_existing_store(flags->from, wait);
    auto to = open_store(flags->to, wait);
    uint64_t rows = 0;
    copy_store(*from, *to, [&](const copied_table &t) { rows += t.rows; });
    std::cout << fmt::format("copied {} to {}: {} rows\n", from->name(), to->name(),
                             format_count(rows));
  });
}

} // namespace rebuy::core
