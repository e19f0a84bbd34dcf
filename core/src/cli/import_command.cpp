#include "cli/context.hpp"
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/dry_run.hpp"
#include "pipeline/import_pipeline.hpp"
#include "report/markdown_report.hpp"
#include "report/report_data.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>
#include <rebuy/plugin.hpp>
#include <spdlog/spdlog.h>

#include <limits>
#include <set>

namespace rebuy::core {
namespace {

struct import_flags {
  std::vector<std::string> files, maps, scales, options;
  std::string importer, source, date_order;
  bool no_analyze = false;
  bool dry_run = false;
};

option_list parse_maps(const std::vector<std::string> &maps) {
  option_list options;
  for (const auto &m : maps) {
    auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
      throw usage_error(fmt::format("--map {}: expected ROLE=COLUMN", m));
    if (!role_from_name(m.substr(0, eq)))
      throw usage_error(fmt::format("--map {}: unknown role '{}'", m, m.substr(0, eq)));
    options.emplace_back("map", m);
  }
  return options;
}

std::optional<date_order> parse_date_order(const std::string &given) {
  if (given.empty() || given == "auto") return std::nullopt;
  if (given == "day-first" || given == "dmy") return date_order::day_first;
  if (given == "month-first" || given == "mdy") return date_order::month_first;
  throw usage_error(fmt::format("--date-order {}: expected day-first, month-first or auto", given));
}

// "rating = Reviewer_Score (1-10 with decimals)"
std::string mapped_column(const column_mapping &column) {
  std::string out = fmt::format("{} = {}", role_name(column.role), column.name);
  if (!column.scale.empty()) out += fmt::format(" ({})", column.scale);
  return out;
}

// Why each column has its role, the missing-value markers seen, and the
// attributes that look like a role, with the --map that would map them (the
// first `suggestions` of them).
void print_mapping(const std::vector<column_mapping> &columns, size_t suggestions) {
  for (const auto &c : columns)
    if (c.role != REBUY_ROLE_ATTRIBUTE && !c.reason.empty())
      fmt::print("    {}: {}\n", mapped_column(c), c.reason);
  std::string missing;
  for (const auto &c : columns)
    if (!c.missing.empty())
      missing += fmt::format("{}{} in {}", missing.empty() ? "" : "; ", c.missing, c.name);
  if (!missing.empty())
    fmt::print("  missing values, kept as written but not read as answers: {}\n", missing);
  size_t suggested = 0;
  for (const auto &c : columns)
    suggested += c.role == REBUY_ROLE_ATTRIBUTE && !c.suggestion.empty();
  if (!suggested) return;
  fmt::print("  left as attributes, though they look like a role:\n");
  size_t shown = 0;
  for (const auto &c : columns) {
    if (c.role != REBUY_ROLE_ATTRIBUTE || c.suggestion.empty()) continue;
    if (shown++ == suggestions) break;
    fmt::print("    {}: {}; {}\n", c.name, c.reason, c.suggestion);
  }
  if (suggested > suggestions)
    fmt::print("    and {} more (rebuy import --dry-run lists them all)\n",
               suggested - suggestions);
}

void print_outcome(const import_outcome &outcome) {
  const auto &run = outcome.run;
  const auto &c = run.counts;
  fmt::print("imported {} with {} {} as source \"{}\"\n", run.file, run.importer,
             run.importer_version, run.source);
  if (!outcome.source_note.empty()) fmt::print("  note: {}\n", outcome.source_note);
  if (outcome.converted) fmt::print("  note: converted from {} to UTF-8\n", run.encoding);
  if (!outcome.date_note.empty()) fmt::print("  note: {}\n", outcome.date_note);
  if (!outcome.relative_date_note.empty()) fmt::print("  note: {}\n", outcome.relative_date_note);
  if (!outcome.damage.empty())
    fmt::print("  warning: {}{}\n", outcome.damage,
               outcome.truncated ? "; the complete rows before that point were stored" : "");
  if (run.invalid_bytes)
    fmt::print("  note: {} invalid byte sequences replaced with U+FFFD\n", run.invalid_bytes);
  const std::string merged = c.merged ? fmt::format(", {} merged into a response", c.merged) : "";
  fmt::print("  rows: {} in = {} stored ({} new, {} updated, {} unchanged{}) + {} rejected + {} "
             "skipped\n",
             c.rows_in(), c.stored(), c.added, c.updated, c.unchanged, merged, c.rejected,
             c.skipped);
  if (c.values_rejected)
    fmt::print("  {} values refused for their role; their rows are stored\n", c.values_rejected);
  if (c.rejected || c.skipped || c.values_rejected)
    fmt::print("  details: rebuy rejects --run {}\n", run.id);
  std::string roles;
  for (const auto &column : outcome.columns)
    if (column.role != REBUY_ROLE_ATTRIBUTE)
      roles += (roles.empty() ? "" : ", ") + mapped_column(column);
  fmt::print("  roles: {}\n", roles.empty() ? "none recognised (use --map ROLE=COLUMN)" : roles);
  print_mapping(outcome.columns, 5);
}

void print_nps(sql::connection &db, const std::string &source) {
  auto nps = nps_of(db, {source});
  if (nps.counts.n() == 0) return;
  std::string questions;
  for (const auto &q : nps.questions)
    questions += (questions.empty() ? "" : ", ") + q;
  fmt::print("NPS {} (95 % interval {} to {}) over {} answers{}\n",
             format_points(nps.estimate.score), format_points(nps.estimate.ci.low),
             format_points(nps.estimate.ci.high), nps.counts.n(),
             questions.empty() ? "" : " for " + questions);
}

std::string shortened(std::string_view text, size_t max = 60) {
  std::string out(text.substr(0, max));
  for (auto &c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  // Never end inside a UTF-8 sequence.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
    out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return text.size() > max ? out + "…" : out;
}

void print_dry_run(const std::string &file, const dry_run_outcome &d) {
  fmt::print("{}: would be read by {} {} as source \"{}\" ({}{})\n", file, d.importer,
             d.importer_version, d.source, d.encoding, d.converted ? ", converted to UTF-8" : "");
  if (!d.source_note.empty()) fmt::print("  note: {}\n", d.source_note);
  size_t attributes = 0;
  fmt::print("  columns:\n");
  for (const auto &c : d.columns) {
    if (c.role == REBUY_ROLE_ATTRIBUTE) {
      ++attributes;
      continue;
    }
    fmt::print("    {:<14} <- {}{}\n", role_name(c.role), c.name,
               c.scale.empty() ? "" : fmt::format(" ({})", c.scale));
  }
  if (attributes) fmt::print("    {} other columns kept as attributes\n", attributes);
  fmt::print("  why:\n");
  print_mapping(d.columns, std::numeric_limits<size_t>::max());
  fmt::print("  first rows as mapped:\n");
  for (const auto &[line, fields] : d.preview) {
    std::string shown;
    size_t hidden = 0;
    for (const auto &f : fields) {
      if (f.role == REBUY_ROLE_ATTRIBUTE) {
        ++hidden;
        continue;
      }
      shown +=
          fmt::format("{}{}={}", shown.empty() ? "" : "  ", role_name(f.role), shortened(f.value));
    }
    fmt::print("    line {}: {}{}\n", line, shown,
               hidden ? fmt::format("  (+{} attributes)", hidden) : "");
  }
  for (const auto &issue : d.issues)
    fmt::print("  line {}: {}\n", issue.line, issue.reason);
  if (!d.date_note.empty()) fmt::print("  note: {}\n", d.date_note);
  if (!d.relative_date_note.empty()) fmt::print("  note: {}\n", d.relative_date_note);
  fmt::print("  rows: {} in = {} would be stored + {} rejected + {} skipped\n", d.rows_in(),
             d.records, d.rejected, d.skipped);
  if (d.values_refused)
    fmt::print("  {} values would be refused for their role\n", d.values_refused);
  fmt::print("  dry run: nothing was written\n");
}

void run_import(cli_context &context, const import_flags &flags) {
  import_request request;
  request.importer = flags.importer;
  request.source = flags.source;
  request.options = parse_maps(flags.maps);
  for (const auto &scale : flags.scales) {
    if (scale.find('=') == std::string::npos)
      throw usage_error(fmt::format("--scale {}: expected COLUMN=RANGE, e.g. Score=1-10", scale));
    request.options.emplace_back("scale", scale);
  }
  // Unscoped options are the importer's; scoped ones reach only the plugin they name.
  auto options = parse_plugin_options(flags.options, context.plugins());
  request.options.insert(request.options.end(), options.unscoped.begin(), options.unscoped.end());
  request.scoped = options.scoped;
  request.dates = parse_date_order(flags.date_order);
  if (flags.dry_run) {
    for (const auto &file : flags.files) {
      request.file = file;
      print_dry_run(file, dry_run_import(context.plugins(), request));
    }
    return;
  }
  auto &db = context.store();
  std::set<std::string> sources;
  int failed = 0, unavailable = 0;
  analysis_request analysis_options;
  analysis_options.scoped = std::move(options.scoped);
  uint64_t analyzed = 0; // beside the imports
  for (const auto &file : flags.files) {
    request.file = file;
    analysis_options.text_walk.reset(); // another file's walk no longer holds after this import
    try {
      auto outcome = import_file(context.plugins(), db, request,
                                 flags.no_analyze ? nullptr : &analysis_options);
      analyzed += outcome.analyzed;
      analysis_options.text_walk = outcome.text_walk;
      print_outcome(outcome);
      sources.insert(outcome.run.source);
      if (outcome.truncated) {
        spdlog::error("{}: the file is truncated: its complete rows were stored, the rest of it "
                      "is missing",
                      file);
        ++failed;
      }
    } catch (const input_error &e) {
      spdlog::error("{}", e.what());
      ++failed;
    } catch (const unavailable_error &e) {
      spdlog::error("{}", e.what());
      ++unavailable;
    }
  }
  if (!flags.no_analyze && !sources.empty()) {
    auto analysis = analyze_store(context.plugins(), db, analysis_options);
    if (analyzed + analysis.responses)
      fmt::print("analyzed {} responses\n", analyzed + analysis.responses);
    for (const auto &source : sources)
      print_nps(db, source);
  }
  // A file that could not be read at all is the environment's doing: exit code 4.
  if (unavailable)
    throw unavailable_error(fmt::format("{} of {} files could not be imported",
                                        failed + unavailable, flags.files.size()));
  if (failed)
    throw input_error(
        fmt::format("{} of {} files could not be imported", failed, flags.files.size()));
}

} // namespace

void add_import_command(CLI::App &app, cli_context &context) {
  auto flags = std::make_shared<import_flags>();
  auto *cmd =
      app.add_subcommand("import", "Import feedback files (format detected) and analyze them");
  cmd->add_option("files", flags->files, "Files to import")->required();
  cmd->add_option("--as", flags->importer, "Use this importer instead of detecting one");
  cmd->add_option("--map", flags->maps, "Give a column a role: ROLE=COLUMN (repeatable)");
  cmd->add_option("--scale", flags->scales,
                  "Read a column's numbers on a scale: COLUMN=MAX or COLUMN=MIN-MAX, e.g. "
                  "Score=10 or Score=0-10 (repeatable; guessed from the values otherwise)");
  cmd->add_option("--source", flags->source,
                  "Source name the responses are keyed under (default: the file name)");
  cmd->add_option("--option", flags->options,
                  "Pass an option to the importer: KEY=VALUE, or to one importer or analyzer: "
                  "PLUGIN.KEY=VALUE (repeatable; see plugins info)");
  cmd->add_option("--date-order", flags->date_order,
                  "How to read dates like 05/06/2024: day-first, month-first, or auto (default: "
                  "decided from the file)");
  cmd->add_flag("--no-analyze", flags->no_analyze, "Do not analyze the new responses now");
  cmd->add_flag("--dry-run", flags->dry_run,
                "Show the importer, the mapping, the first rows and the counts; write nothing");
  cmd->callback([&context, flags] { run_import(context, *flags); });
}

} // namespace rebuy::core
