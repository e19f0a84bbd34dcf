#include "cli/context.hpp"
#include "report/json_report.hpp"
#include "report/markdown_report.hpp"
#include "report/report_data.hpp"

namespace rebuy::core {
namespace {

struct report_flags {
  std::string format, output, source;
};

} // namespace

void add_report_command(CLI::App &app, cli_context &context) {
  auto flags = std::make_shared<report_flags>();
  auto *cmd = app.add_subcommand("report", "Write the would-buy-again report");
  cmd->add_option("--format", flags->format, "md or json (default: from -o's extension, else md)")
      ->check(CLI::IsMember({"md", "json"}));
  cmd->add_option("-o,--output", flags->output, "Write to this file instead of stdout");
  cmd->add_option("--source", flags->source, "Only responses from this source");
  cmd->callback([&context, flags] {
    std::string format = flags->format;
    if (format.empty())
      format = flags->output.size() > 5 &&
                       flags->output.compare(flags->output.size() - 5, 5, ".json") == 0
                   ? "json"
                   : "md";
    auto data = build_report(context.existing_store(), {flags->source});
    write_output(flags->output,
                 format == "json" ? render_json_report(data) : render_markdown_report(data));
  });
}

} // namespace rebuy::core
