#include "cli/context.hpp"
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/format.hpp"
#include "report/render.hpp"
#include "report/report_data.hpp"
#include "store/store.hpp"
#include "util/errors.hpp"
#include "util/paths.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

// The demo's feedback files, imported in this order.
const char *const demo_files[] = {"feedback/northwind_survey.csv", "feedback/northwind_orders.csv"};

void run_demo(cli_context &context, const std::filesystem::path &output) {
  auto samples = samples_dir();
  if (samples.empty()) throw input_error("the bundled samples are not installed");
  std::filesystem::create_directories(output);
  // A fresh database each time, so the demo shows exactly the samples.
  auto db_path = output / "demo.db";
  for (const char *suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(db_path.string() + suffix);
  auto db = open_store(db_path);

  for (const char *file : demo_files) {
    import_request request;
    request.file = samples / file;
    auto outcome = import_file(context.plugins(), *db, request);
    fmt::print("imported {}: {} rows in, {} stored, {} rejected, {} skipped\n",
               request.file.filename().string(), outcome.run.counts.rows_in(),
               outcome.run.counts.stored(), outcome.run.counts.rejected,
               outcome.run.counts.skipped);
  }
  auto analysis = analyze_store(context.plugins(), *db, {});
  fmt::print("analyzed {} responses\n", analysis.responses);

  auto data = build_report(*db, {});
  auto markdown = output / "report.md", json = output / "report.json",
       html = output / "report.html";
  write_output(markdown.string(), render_report(data, "md"));
  write_output(json.string(), render_report(data, "json"));
  write_output(html.string(), render_report(data, "html"));
  const auto &headline = data.headline.overall;
  fmt::print("NPS {} over {} answers\n", format_points(headline.nps.score),
             headline.nps_counts.n());
  if (headline.rate_n > 0)
    fmt::print("would buy again {} over {} {}\n", format_percent(headline.rate), headline.rate_n,
               data.headline.basis == rate_basis::answers ? "answers" : "estimates");
  auto where = [](const std::filesystem::path &p) {
    return std::filesystem::absolute(p).lexically_normal().string();
  };
  fmt::print("report: {}\n", where(markdown));
  fmt::print("html:   {}\n", where(html));
  fmt::print("json:   {}\n", where(json));
  fmt::print("database: {}\n", std::filesystem::absolute(db_path).lexically_normal().string());
}

} // namespace

void add_demo_command(CLI::App &app, cli_context &context) {
  auto output = std::make_shared<std::string>("rebuy-demo");
  auto *cmd = app.add_subcommand(
      "demo", "Import the bundled sample feedback, analyze it and write a report");
  cmd->add_option("-o,--output", *output, "Directory for the demo database and report")
      ->capture_default_str();
  cmd->callback([&context, output] { run_demo(context, *output); });
}

} // namespace rebuy::core
