#include "cli/context.hpp"
#include "report/exporter.hpp"
#include "util/errors.hpp"

#include <fstream>
#include <iostream>

namespace rebuy::core {
namespace {

struct export_flags {
  std::string format = "csv", output;
};

} // namespace

void add_export_command(CLI::App &app, cli_context &context) {
  auto flags = std::make_shared<export_flags>();
  auto *cmd = app.add_subcommand("export", "Write one line per response with its scores");
  cmd->add_option("--format", flags->format, "csv or jsonl")
      ->capture_default_str()
      ->check(CLI::IsMember({"csv", "jsonl"}));
  cmd->add_option("-o,--output", flags->output, "Write to this file instead of stdout");
  cmd->callback([&context, flags] {
    auto format = flags->format == "jsonl" ? export_format::jsonl : export_format::csv;
    auto &db = context.existing_store();
    if (flags->output.empty() || flags->output == "-") {
      export_responses(db, format, std::cout);
      std::cout.flush();
      return;
    }
    std::ofstream out(flags->output, std::ios::binary | std::ios::trunc);
    if (!out) throw input_error(flags->output + ": cannot write");
    // Excel needs the BOM to read a CSV file as UTF-8.
    if (format == export_format::csv) out << "\xEF\xBB\xBF";
    export_responses(db, format, out);
    out.close();
    if (!out) throw input_error(flags->output + ": write failed");
  });
}

} // namespace rebuy::core
