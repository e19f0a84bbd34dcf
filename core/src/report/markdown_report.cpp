#include "report/markdown_report.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {
namespace {

std::string percent(uint64_t part, uint64_t whole) {
  return whole ? fmt::format("{:.1f} %",
                             100.0 * static_cast<double>(part) / static_cast<double>(whole))
               : "n/a";
}

std::string nps_interval(const nps_summary &nps) {
  if (nps.counts.n() == 0) return "n/a";
  return fmt::format("{} to {}", format_points(nps.estimate.ci.low),
                     format_points(nps.estimate.ci.high));
}

std::string quoted_list(const std::vector<std::string> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += fmt::format("{}\"{}\"",
                       i == 0                  ? ""
                       : i + 1 == items.size() ? " and "
                                               : ", ",
                       markdown_escape(items[i]));
  return out;
}

} // namespace

std::string format_points(double nps) {
  if (!std::isfinite(nps)) return "n/a";
  double points = std::round(nps * 1000.0) / 10.0;
  return fmt::format("{}{:.1f}", points > 0 ? "+" : points < 0 ? "" : "±", points);
}

std::string markdown_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '|':
      out += "\\|";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '`':
      out += "\\`";
      break;
    case '*':
      out += "\\*";
      break;
    case '_':
      out += "\\_";
      break;
    case '[':
      out += "\\[";
      break;
    case ']':
      out += "\\]";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '\r':
      break;
    case '\n':
      out += ' ';
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string render_markdown_report(const report_data &data) {
  std::string md = "# Would-buy-again report\n\n";
  md += fmt::format("{} responses", data.responses);
  if (!data.first_submitted.empty())
    md += fmt::format(", submitted {} to {}", data.first_submitted.substr(0, 10),
                      data.last_submitted.substr(0, 10));
  md += fmt::format(". Generated {}.\n\n", data.generated_at);

  const auto &nps = data.nps;
  md += "## Would they recommend us?\n\n";
  if (nps.counts.n() == 0) {
    md += "No 0-10 likelihood-to-recommend answers yet.\n\n";
  } else {
    md += fmt::format("**NPS {}** (95 % interval {}, adjusted Wald), n = {} answers",
                      format_points(nps.estimate.score), nps_interval(nps), nps.counts.n());
    if (!nps.questions.empty()) md += " to " + quoted_list(nps.questions);
    md += ".\n\n";
    md += fmt::format("Promoters (9-10): {} ({}) · Passives (7-8): {} ({}) · Detractors (0-6): {} "
                      "({}).\n\n",
                      nps.counts.promoters, percent(nps.counts.promoters, nps.counts.n()),
                      nps.counts.passives, percent(nps.counts.passives, nps.counts.n()),
                      nps.counts.detractors, percent(nps.counts.detractors, nps.counts.n()));
    md += fmt::format("Denominator: {}.\n\n", data.denominator_policy);
  }

  md += "## Would they buy again?\n\n";
  if (data.buy_again_answers.empty()) {
    md += "No answers to a would-buy-again question yet.\n\n";
  } else {
    md += fmt::format("{} answers, as given:\n\n| Answer | Responses | Share |\n|---|---:|---:|\n",
                      data.buy_again_answered);
    constexpr size_t shown = 12; // a free-text question would otherwise list every answer
    for (size_t i = 0; i < data.buy_again_answers.size() && i < shown; ++i) {
      const auto &a = data.buy_again_answers[i];
      md += fmt::format("| {} | {} | {} |\n", markdown_escape(a.answer), a.count,
                        percent(a.count, data.buy_again_answered));
    }
    if (data.buy_again_answers.size() > shown)
      md += fmt::format("| ({} other answers) | | |\n", data.buy_again_answers.size() - shown);
    md += "\n";
  }

  if (data.sources.size() > 1) {
    md += "## By source\n\n| Source | Responses | NPS answers | NPS | 95 % interval |\n"
          "|---|---:|---:|---:|---|\n";
    for (const auto &s : data.sources)
      md += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_escape(s.source), s.responses,
                        s.nps.counts.n(), format_points(s.nps.estimate.score), nps_interval(s.nps));
    md += "\n";
  }

  md += "## Data quality\n\nEvery row of every file is stored, rejected with a reason "
        "(`rebuy rejects`) or skipped by a visible rule.\n\n"
        "| Import | File | Importer | Rows in | Stored | New | Updated | Unchanged | Rejected | "
        "Skipped | Status |\n|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n";
  for (const auto &r : data.runs)
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", r.id,
                      markdown_escape(r.file), markdown_escape(r.importer), r.counts.rows_in(),
                      r.counts.stored(), r.counts.added, r.counts.updated, r.counts.unchanged,
                      r.counts.rejected, r.counts.skipped, r.status);
  return md;
}

} // namespace rebuy::core
