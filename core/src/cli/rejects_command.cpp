#include "cli/context.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

struct rejects_flags {
  int64_t run = 0;
  int64_t limit = 100;
};

} // namespace

void add_rejects_command(CLI::App &app, cli_context &context) {
  auto flags = std::make_shared<rejects_flags>();
  auto *cmd = app.add_subcommand(
      "rejects", "Show rows that were rejected or skipped, and values refused for their role");
  cmd->add_option("--run", flags->run, "Only this import run (see `rebuy report`)");
  cmd->add_option("--limit", flags->limit, "Show at most this many (0: all)")
      ->capture_default_str();
  cmd->callback([&context, flags] {
    auto &db = context.existing_store();
    // No limit: -1 to SQLite, NULL to PostgreSQL.
    auto s = db.prepare(
        fmt::format("SELECT j.run_id, i.file, j.line, j.kind, j.reason, coalesce(j.raw, '') "
                    "FROM rejects j JOIN import_runs i ON i.id = j.run_id "
                    "WHERE (?1 = 0 OR j.run_id = ?1) ORDER BY j.run_id, j.line, j.id "
                    "LIMIT CASE WHEN ?2 > 0 THEN ?2 ELSE {} END",
                    db.dialect() == sql::dialect::postgres ? "NULL" : "-1"));
    s.bind(1, flags->run).bind(2, flags->limit);
    uint64_t shown = 0;
    while (s.step()) {
      std::string raw(s.column_text(5).substr(0, 120));
      for (auto &c : raw)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      fmt::print("run {} {}:{}: {} {}{}\n", s.column_int(0), s.column_text(1), s.column_int(2),
                 s.column_text(3) == "row"    ? "rejected:"
                 : s.column_text(3) == "skip" ? "skipped:"
                                              : "value refused:",
                 s.column_text(4), raw.empty() ? "" : "\n    " + raw);
      ++shown;
    }
    auto total = db.prepare("SELECT count(*) FROM rejects WHERE (?1 = 0 OR run_id = ?1)");
    total.bind(1, flags->run);
    total.step();
    auto all = static_cast<uint64_t>(total.column_int(0));
    if (all == 0)
      fmt::print("no rejected or skipped rows\n");
    else if (shown < all)
      fmt::print("({} of {} shown; --limit 0 shows all)\n", shown, all);
  });
}

} // namespace rebuy::core
