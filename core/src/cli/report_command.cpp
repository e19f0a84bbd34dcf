#include "cli/context.hpp"
#include "report/render.hpp"
#include "report/report_data.hpp"
#include "util/errors.hpp"

namespace rebuy::core {
namespace {

struct report_flags {
  std::string format, output;
  std::vector<std::string> where;
  double flag_nps_points = 15, flag_rate_points = 10;
  std::string nps_interval = "adjusted-wald";
  std::string nps_denominator = "answered";
  report_options options;
};

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// html, json or csv from -o's extension; md otherwise.
std::string format_for(const std::string &output) {
  for (const char *ext : {"html", "json", "csv"})
    if (ends_with(output, std::string(".") + ext)) return ext;
  if (ends_with(output, ".htm")) return "html";
  return "md";
}

} // namespace

void add_report_command(CLI::App &app, cli_context &context) {
  auto flags = std::make_shared<report_flags>();
  auto &options = flags->options;
  auto *cmd = app.add_subcommand("report", "Write the would-buy-again report");
  cmd->add_option("--format", flags->format,
                  "html, md, json or csv (default: from -o's extension, else md)")
      ->check(CLI::IsMember({"html", "md", "json", "csv"}));
  cmd->add_option("-o,--output", flags->output, "Write to this file instead of stdout");
  cmd->add_option("--since", options.filter.since,
                  "Only responses submitted on or after this day (YYYY-MM-DD)");
  cmd->add_option("--until", options.filter.until,
                  "Only responses submitted on or before this day (YYYY-MM-DD)");
  cmd->add_option("--by", options.by, "Also break down by this column or attribute (repeatable)");
  cmd->add_option("--source", options.filter.source, "Only responses from this source");
  cmd->add_option("--where", flags->where,
                  "Only responses whose ATTR is VALUE (ATTR=VALUE, repeatable)");
  cmd->add_option("--flag-nps-wider-than", flags->flag_nps_points,
                  "Flag an NPS whose 95 % interval is wider than ± this many points")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 200.0));
  cmd->add_option("--flag-rate-wider-than", flags->flag_rate_points,
                  "Flag a rate whose 95 % interval is wider than ± this many percentage points")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--nps-interval", flags->nps_interval,
                  "The 95 % interval around every NPS: adjusted-wald, score (Tango) or dirichlet "
                  "(exact posterior)")
      ->capture_default_str();
  cmd->add_option("--nps-denominator", flags->nps_denominator,
                  "answered: valid 0-10 answers only; all: also responses asked the question "
                  "without one, counted as neither promoter nor detractor")
      ->capture_default_str();
  cmd->add_option("--shrinkage", options.shrinkage,
                  "Stated vs observed: shrink each answer's observed repeat-order rate toward the "
                  "overall rate with this many pseudo-responses (0: raw rates)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1e6));
  cmd->callback([&context, flags] {
    auto options = flags->options;
    for (const auto &w : flags->where) {
      auto eq = w.find('=');
      if (eq == std::string::npos || eq == 0)
        throw usage_error("--where " + w + ": expected ATTR=VALUE");
      options.filter.where.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    for (const auto *day : {&options.filter.since, &options.filter.until})
      if (!day->empty()) parse_day(*day); // a clear error before any work
    options.nps_interval = nps_interval_named(flags->nps_interval);
    options.nps_denominator = nps_denominator_named(flags->nps_denominator);
    options.max_nps_half_width = flags->flag_nps_points / 100;
    options.max_rate_half_width = flags->flag_rate_points / 100;
    std::string format = flags->format.empty() ? format_for(flags->output) : flags->format;
    auto data = build_report(context.existing_store(), options);
    for (const auto &[path, v] : context.verdicts().set_aside())
      data.set_aside.push_back({v.aside_id, path, v.aside_reason});
    write_output(flags->output, render_report(data, format));
  });
}

} // namespace rebuy::core
