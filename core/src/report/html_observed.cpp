// The HTML report's sections on observed behaviour: stated intent against
// repeat orders, and stated referral against reported referral.
#include "report/format.hpp"
#include "report/html_sections.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core::html {

void calibration(std::string &out, const report_data &data) {
  const auto &c = data.calibration;
  out += "<section id=\"calibration\"><h2>Stated vs observed</h2>";
  if (c.n == 0) {
    out += no_data("no response has both an estimated probability and an observed repeat order. "
                   "Import orders to see how stated intent turns into purchases.");
    if (const uint64_t counted = order_count_responses(c.order_counts))
      out += fmt::format("<p class=\"note\">{} responses say how many times the customer had "
                         "ordered; imported orders would show what they did next.</p>",
                         format_count(counted));
    return void(out += "</section>\n");
  }
  out += fmt::format("<p>{} responses, {} of which ordered again within <span "
                     "id=\"horizon\">{}</span> days of responding. <strong>Brier score <span "
                     "id=\"brier\">{:.4f}</span></strong> (0 is perfect; always predicting the "
                     "observed share would score {:.4f}).</p>",
                     format_count(c.n), format_percent(c.observed), c.horizon_days, c.brier,
                     c.observed * (1 - c.observed));
  out +=
      "<table><thead><tr><th>Predicted</th><th class=\"num\">Responses</th><th "
      "class=\"num\">Mean predicted</th><th class=\"num\">Ordered again</th></tr></thead><tbody>";
  for (const auto &b : c.bins)
    out += fmt::format("<tr><td>{:.0f}–{:.0f} %</td><td class=\"num\">{}</td><td "
                       "class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                       100 * b.low, 100 * b.high, format_count(b.n),
                       format_percent(b.mean_predicted), format_percent(b.observed));
  out += "</tbody></table>";
  if (!c.levels.empty()) {
    out += fmt::format(
        "<h3>By stated answer</h3><p class=\"note\">Strongest intent first. Shrunk rate = "
        "(ordered again + α·m) / (responses + α), with m = {} (all answers) and α = {:g}: a "
        "small group is pulled toward m, a large one keeps its own rate.</p><table><thead><tr>"
        "<th>Said</th><th class=\"num\">Responses</th><th class=\"num\">Ordered again</th><th "
        "class=\"num\">Rate</th><th class=\"num\">95 % interval</th><th class=\"num\">Shrunk "
        "rate</th></tr></thead><tbody>",
        format_percent(c.levels_observed), c.shrinkage);
    for (const auto &l : c.levels)
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                         "class=\"num\">{}</td><td class=\"num\">{:.1f}–{:.1f} %</td><td "
                         "class=\"num\" data-value=\"{}\">{}</td></tr>",
                         text(l.level), format_count(l.n), format_count(l.ordered),
                         format_percent(l.rate), 100 * l.ci.low, 100 * l.ci.high,
                         std::isfinite(l.shrunk) ? fmt::format("{}", l.shrunk) : "null",
                         format_percent(l.shrunk));
    out += "</tbody></table>";
  }
  if (!c.order_counts.empty()) {
    out += "<h3>By order count</h3><p class=\"note\">The order count given when answering "
           "(post-purchase surveys), and what each group did next. For responses whose own "
           "outcome is not known yet, the group's rate, shrunk toward the overall one, is the "
           "estimate (basis orders).</p><table><thead><tr><th>Order count when answering</th><th "
           "class=\"num\">Responses</th><th class=\"num\">Outcome known</th><th "
           "class=\"num\">Ordered again</th><th class=\"num\">Rate</th><th class=\"num\">95 % "
           "interval</th></tr></thead><tbody>";
    for (const auto &g : c.order_counts)
      out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                         "class=\"num\">{}</td><td class=\"num\">{}</td><td "
                         "class=\"num\">{}</td></tr>",
                         order_count_group_name(g.repeat), format_count(g.responses),
                         format_count(g.known), format_count(g.ordered), format_percent(g.rate),
                         g.known ? fmt::format("{:.1f}–{:.1f} %", 100 * g.ci.low, 100 * g.ci.high)
                                 : std::string("n/a"));
    out += "</tbody></table>";
  }
  out += "<p class=\"note\">Surveying customers raises their later buying (self-generated "
         "validity): these rates, shrunk or not, are what <em>surveyed</em> customers did and "
         "overstate what customers who were not surveyed would do; do not apply them to those "
         "unadjusted.</p></section>\n";
}

void referral(std::string &out, const report_data &data) {
  if (!data.referral) return;
  const auto &r = *data.referral;
  out += fmt::format("<section id=\"referral\"><h2>Said they would recommend, say they did</h2>"
                     "<p>Per NPS class, the share who answer yes to “{}” (95 % Wilson interval; "
                     "other answers not counted).</p>",
                     text(r.question));
  out += "<table><thead><tr><th>NPS class</th><th class=\"num\">Yes</th><th class=\"num\">No"
         "</th><th class=\"num\">Other</th><th class=\"num\">Said yes</th><th class=\"num\">95 % "
         "interval</th></tr></thead><tbody>";
  for (const auto &row : r.rows)
    out += row.yes + row.no == 0
               ? fmt::format("<tr><td>{}</td><td class=\"num\">0</td><td class=\"num\">0</td><td "
                             "class=\"num\">{}</td><td class=\"num\">–</td><td "
                             "class=\"num\">–</td></tr>",
                             text(row.nps_class), format_count(row.other))
               : fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                             "<td class=\"num\">{}</td><td class=\"num\">{}</td><td "
                             "class=\"num\">{:.1f}–{:.1f} %</td></tr>",
                             text(row.nps_class), format_count(row.yes), format_count(row.no),
                             format_count(row.other), format_percent(row.share_yes),
                             100 * row.ci.low, 100 * row.ci.high);
  out += "</tbody></table></section>\n";
}

} // namespace rebuy::core::html
