// The HTML report's sections on observed behaviour: stated intent against
// repeat orders, and stated referral against reported referral.
#include "report/format.hpp"
#include "report/html_sections.hpp"
#include "report/report_tables.hpp"

#include <fmt/format.h>

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
  out += html_table(calibration_bins_table(c));
  if (!c.levels.empty()) {
    out += fmt::format(
        "<h3>By stated answer</h3><p class=\"note\">Strongest intent first. Shrunk rate = "
        "(ordered again + α·m) / (responses + α), with m = {} (all answers) and α = {:g}: a "
        "small group is pulled toward m, a large one keeps its own rate.</p>",
        format_percent(c.levels_observed), c.shrinkage);
    out += html_table(calibration_levels_table(c));
  }
  if (!c.order_counts.empty()) {
    out += "<h3>By order count</h3><p class=\"note\">The order count given when answering "
           "(post-purchase surveys), and what each group did next. For responses whose own "
           "outcome is not known yet, the group's rate, shrunk toward the overall one, is the "
           "estimate (basis orders).</p>";
    out += html_table(order_counts_table(c));
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
  out += html_table(referral_table(r)) + "</section>\n";
}

} // namespace rebuy::core::html
