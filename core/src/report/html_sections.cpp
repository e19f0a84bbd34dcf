#include "report/html_sections.hpp"

#include "report/format.hpp"
#include "report/html_escape.hpp"
#include "report/report_tables.hpp"
#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core::html {
namespace {

// The numbers as the JSON report writes them, for data-value attributes.
std::string json_points(double nps) {
  return std::isfinite(nps) ? fmt::format("{}", std::round(nps * 10000) / 100) : "null";
}
std::string json_share(double share) {
  return std::isfinite(share) ? fmt::format("{}", std::round(share * 10000) / 10000) : "null";
}

std::string percent_tick(double v) { return fmt::format("{:.0f} %", 100 * v); }
std::string points_tick(double v) { return format_points(v); }

std::string change_cell(const stats::two_sample_test &t, bool nps) {
  std::string sig = significance(t);
  std::string mark = sig == "up" ? "▲ " : sig == "down" ? "▼ " : "";
  std::string value = nps ? format_points(t.difference) : format_point_change(t.difference);
  if (nps && std::isfinite(t.difference)) value += " pts";
  return fmt::format("<span class=\"{}\">{}{}</span> <span class=\"note\">({})</span>", sig, mark,
                     text(value), text(format_test(t)));
}

std::string rate_cells(const figures &f, double reference) {
  return fmt::format("<td class=\"num\">{}{}</td><td class=\"num\">{}</td><td>{}</td>",
                     format_percent(f.rate), small_flag(f.small_rate), format_rate_interval(f),
                     svg_interval_bar(f.rate, f.rate_ci.low, f.rate_ci.high, reference, 0, 1));
}

std::string nps_cells(const figures &f, double reference) {
  return fmt::format("<td class=\"num\">{}{}</td><td class=\"num\">{}</td><td>{}</td>",
                     format_points(f.nps.score), small_flag(f.small_nps), format_nps_interval(f),
                     svg_interval_bar(f.nps.score, f.nps.ci.low, f.nps.ci.high, reference, -1, 1));
}

// A report whose sources state referral as yes/no answers shows the
// would-recommend share beside the NPS.
bool shows_recommend(const report_data &data) { return data.headline.overall.recommend_n > 0; }

std::string figures_header(bool recommend) {
  return std::string("<th class=\"num\">Responses</th><th class=\"num\">Would buy again</th><th "
                     "class=\"num\">95 % interval</th><th></th><th class=\"num\">NPS</th><th "
                     "class=\"num\">95 % interval</th><th></th>") +
         (recommend ? "<th class=\"num\">Would recommend</th><th class=\"num\">95 % "
                      "interval</th><th></th>"
                    : "");
}

std::string figures_cells(const figures &f, const figures &overall, bool recommend) {
  std::string cells = fmt::format("<td class=\"num\">{}</td>", format_count(f.responses)) +
                      rate_cells(f, overall.rate) + nps_cells(f, overall.nps.score);
  if (recommend)
    cells += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>",
                         format_percent(f.recommend_share), format_recommend_interval(f),
                         svg_interval_bar(f.recommend_share, f.recommend_ci.low,
                                          f.recommend_ci.high, overall.recommend_share, 0, 1));
  return cells;
}

std::string dimension_title(const std::string &d) {
  return d == "journey_stage" ? "journey stage" : d;
}

// A headline figure without a value: its answers may only await analysis.
std::string missing_figure(const report_data &data, const char *id, std::string_view why) {
  std::string out = fmt::format("<div class=\"big\"><span id=\"{}\" data-value=\"null\">{}"
                                "</span></div>",
                                id, data.awaiting_analysis ? "awaiting analysis" : "no data");
  if (data.awaiting_analysis)
    return out + fmt::format("<div class=\"sub\">{} responses are not analyzed yet: run "
                             "<code>rebuy analyze</code></div>",
                             format_count(data.awaiting_analysis));
  return why.empty() ? out : out + "<div class=\"sub\">" + text(why) + "</div>";
}

// The test's p-value with its mark; data-p carries the JSON number.
std::string vs_rest_cell(const stats::two_sample_test &t) {
  return fmt::format("<td class=\"{}\" data-p=\"{}\">{}</td>", significance(t),
                     json_share(t.p_value), text(format_vs_rest(t)));
}

} // namespace

std::string text(std::string_view s) { return html_escape(s); }
std::string small_flag(bool small) {
  return small ? "<span class=\"flag\" title=\"The 95 % interval is wide: few responses\">small "
                 "sample</span>"
               : "";
}
std::string no_data(std::string_view why) {
  return "<p class=\"nodata\">No data: " + text(why) + "</p>\n";
}

void headline(std::string &out, const report_data &data) {
  const auto &h = data.headline;
  const auto &f = h.overall;
  out += "<section id=\"headline\"><h2>Are we earning the next sale?</h2><div class=\"cards\">";
  out += "<div class=\"card\"><div class=\"label\">Would buy again</div>";
  if (h.basis == rate_basis::none) {
    out += missing_figure(data, "buy-again-rate", rate_definition(h.basis));
  } else {
    out += fmt::format(
        "<div class=\"big\"><span id=\"buy-again-rate\" data-value=\"{}\">{}</span>{}</div>"
        "<div class=\"sub\">95 % interval <span id=\"buy-again-ci\" data-low=\"{}\" "
        "data-high=\"{}\">{}</span>, n = <span id=\"buy-again-n\" data-value=\"{}\">{}</span> "
        "{}</div>",
        json_share(f.rate), format_percent(f.rate), small_flag(f.small_rate),
        json_share(f.rate_ci.low), json_share(f.rate_ci.high), format_rate_interval(f), f.rate_n,
        format_count(f.rate_n), h.basis == rate_basis::answers ? "answers" : "estimates");
    out += "<div class=\"sub\">" + text(rate_definition(h.basis)) + "</div>";
  }
  out += "</div>";

  out += "<div class=\"card\"><div class=\"label\">Expected repurchase probability</div>";
  if (std::isfinite(f.expected_probability)) {
    out += fmt::format("<div class=\"big\"><span id=\"expected-probability\" data-value=\"{}\">{}"
                       "</span></div><div class=\"sub\">mean of {} per-response estimates; basis:",
                       json_share(f.expected_probability), format_percent(f.expected_probability),
                       format_count(f.probability_n));
    for (size_t i = 0; i < h.estimate_bases.size(); ++i)
      out += fmt::format("{} {} {}", i ? "," : "", text(h.estimate_bases[i].answer),
                         format_count(h.estimate_bases[i].count));
    out += "</div>";
  } else {
    out += missing_figure(data, "expected-probability", "no per-response estimates");
  }
  out += "</div>";

  out += "<div class=\"card\"><div class=\"label\">Net Promoter Score</div>";
  if (f.nps_counts.n() == 0) {
    out += missing_figure(data, "nps-score", "no 0-10 likelihood-to-recommend answers");
  } else {
    out += fmt::format(
        "<div class=\"big\"><span id=\"nps-score\" data-value=\"{}\">{}</span>{}</div><div "
        "class=\"sub\">95 % interval <span id=\"nps-ci\" data-low=\"{}\" "
        "data-high=\"{}\" data-method=\"{}\">{}</span> ({}), "
        "n = <span id=\"nps-n\" data-value=\"{}\">{}</span> {}; {} % promoters, {} % "
        "detractors</div><div class=\"sub\">Denominator: <span id=\"nps-denominator\" "
        "data-value=\"{}\">{}</span></div>",
        json_points(f.nps.score), format_points(f.nps.score), small_flag(f.small_nps),
        json_points(f.nps.ci.low), json_points(f.nps.ci.high),
        nps_interval_value(data.options.nps_interval), format_nps_interval(f),
        text(nps_interval_title(data.options.nps_interval)), f.nps_counts.n(),
        format_count(f.nps_counts.n()),
        f.nps_unanswered ? fmt::format("responses ({} answers, {} without one)",
                                       format_count(f.nps_counts.n() - f.nps_unanswered),
                                       format_count(f.nps_unanswered))
                         : std::string("answers"),
        fmt::format("{:.0f}", 100.0 * static_cast<double>(f.nps_counts.promoters) /
                                  static_cast<double>(f.nps_counts.n())),
        fmt::format("{:.0f}", 100.0 * static_cast<double>(f.nps_counts.detractors) /
                                  static_cast<double>(f.nps_counts.n())),
        nps_denominator_value(data.options.nps_denominator), text(data.quality.denominator_policy));
  }
  out += "</div>";

  if (f.recommend_n > 0) {
    std::string questions;
    for (const auto &q : data.quality.recommend_questions)
      questions += (questions.empty() ? " to " : ", ") + text(q);
    out += fmt::format(
        "<div class=\"card\"><div class=\"label\">Would recommend (yes/no)</div><div "
        "class=\"big\"><span id=\"recommend-share\" data-value=\"{}\">{}</span></div><div "
        "class=\"sub\">95 % interval {} (Wilson), {} of {} yes/no answers{}</div><div "
        "class=\"sub\">A stated recommendation, not a Net Promoter Score.</div></div>",
        json_share(f.recommend_share), format_percent(f.recommend_share),
        format_recommend_interval(f), format_count(f.recommend_yes), format_count(f.recommend_n),
        questions);
  }

  const auto &c = h.change;
  out += "<div class=\"card\"><div class=\"label\">Change against the previous period</div>";
  if (!c.available) {
    out += "<div class=\"sub nodata\">No data: no dated responses to compare.</div>";
  } else {
    out += fmt::format("<div class=\"sub\">{} to {} (n = {}) against {} to {} (n = {})</div>",
                       c.current_from, c.current_to, format_count(c.current.responses),
                       c.previous_from, c.previous_to, format_count(c.previous.responses));
    out += "<p>Would buy again: " + change_cell(c.rate_test, false) + "</p>";
    out += "<p>NPS: " + change_cell(c.nps_test, true) + "</p>";
    out += "<div class=\"sub\">▲▼ marks a change unlikely to be chance (p &lt; 0.05)</div>";
  }
  out += "</div></div>";
  if (auto note = rating_reading_note(data); !note.empty())
    out += "<p class=\"note\" id=\"rating-reading\">" + text(note) + "</p>";
  if (auto note = text_reading_note(data); !note.empty())
    out += "<p class=\"note\" id=\"text-reading\">" + text(note) + "</p>";
  out += "</section>\n";
}

void trend(std::string &out, const report_data &data) {
  const auto &t = data.trend;
  out += fmt::format("<section id=\"trend\"><h2>Trend by {}</h2>", t.granularity);
  if (t.points.empty()) return void(out += no_data("no response has a date.") + "</section>\n");
  std::vector<chart_point> rate, nps;
  for (const auto &p : t.points) {
    const auto &f = p.values;
    rate.push_back({p.period, f.rate, f.rate_ci.low, f.rate_ci.high, f.rate_n});
    nps.push_back({p.period, f.nps_counts.n() ? f.nps.score : NAN, f.nps.ci.low, f.nps.ci.high,
                   f.nps_counts.n()});
  }
  out += "<div class=\"charts\"><figure><figcaption>Would buy again, with its 95 % interval "
         "band</figcaption>";
  out += data.headline.basis == rate_basis::none
             ? no_data("no would-buy-again answers or estimates.")
             : svg_trend_chart(rate, {0, 1, {0, 0.25, 0.5, 0.75, 1}, percent_tick},
                               "Would buy again by " + t.granularity);
  out += "</figure><figure><figcaption>NPS, with its 95 % interval band</figcaption>";
  out +=
      svg_trend_chart(nps, {-1, 1, {-1, -0.5, 0, 0.5, 1}, points_tick}, "NPS by " + t.granularity);
  out += "</figure></div>";
  const bool recommend = shows_recommend(data);
  out += fmt::format("<table><thead><tr><th>{}</th>{}</tr></thead><tbody>", t.granularity,
                     figures_header(recommend));
  for (const auto &p : t.points)
    out += fmt::format("<tr><td>{}</td>{}</tr>", text(p.period),
                       figures_cells(p.values, data.headline.overall, recommend));
  out += "</tbody></table></section>\n";
}

void breakdowns(std::string &out, const report_data &data) {
  out += "<section id=\"segments\"><h2>Where are we losing it?</h2><p class=\"note\">Each group "
         "against the overall figure (the vertical mark); rows sorted by their gap, worst "
         "first. <em>vs rest</em>: each group against all other responses of the report "
         "(two-proportion test for the rate, two-sample NPS test); ▲▼ marks a difference unlikely "
         "to be chance (p &lt; 0.05).</p>";
  for (const auto &b : data.breakdowns) {
    out += "<h3>By " + text(dimension_title(b.dimension)) + "</h3>";
    if (b.rows.empty()) {
      out += no_data("no response has a " + dimension_title(b.dimension) + ".");
      continue;
    }
    const bool recommend = shows_recommend(data);
    out += fmt::format("<table><thead><tr><th>{}</th>{}<th class=\"num\">Gap</th><th>Rate vs "
                       "rest</th><th>NPS vs rest</th></tr></thead><tbody>",
                       text(dimension_title(b.dimension)), figures_header(recommend));
    for (const auto &r : b.rows) {
      std::string gap = b.metric == "nps" ? format_points(r.gap) : format_point_change(r.gap);
      out += fmt::format("<tr><td>{}</td>{}<td class=\"num {}\">{}</td>{}{}</tr>", text(r.value),
                         figures_cells(r.values, data.headline.overall, recommend),
                         r.gap < 0 ? "down" : "", text(gap), vs_rest_cell(r.vs_rest.rate),
                         vs_rest_cell(r.vs_rest.nps));
    }
    out += "</tbody></table>";
    if (b.values > b.rows.size())
      out += fmt::format("<p class=\"note\">{} more values not shown (the {} largest are).</p>",
                         b.values - b.rows.size(), b.rows.size());
    if (b.not_given)
      out += fmt::format("<p class=\"note\">{} responses have no {}.</p>",
                         format_count(b.not_given), text(dimension_title(b.dimension)));
  }
  out += "</section>\n";
}

void drivers(std::string &out, const report_data &data) {
  const auto &t = data.themes;
  out += "<section id=\"themes\"><h2>What drives customers away?</h2><h3>Themes</h3>";
  if (t.themes.empty()) {
    out += no_data("no response has themes (the themes analyzer has not run).");
  } else {
    out += "<p class=\"note\">Impact = the figure for everyone minus the figure without the "
           "theme's responses: negative means the theme pulls it down.</p>";
    out += html_table(themes_table(t));
  }
  out += "<h3>Words of those who would not buy again</h3>";
  if (t.words.empty()) {
    out += no_data(fmt::format("no word sets would-not-buy-again feedback apart ({} such texts "
                               "against {} would-buy-again texts).",
                               t.would_not_texts, t.would_texts));
  } else {
    out += fmt::format(
        "<p class=\"note\">Words used more by the {} customers who would not buy again than by "
        "the {} who would (log-odds with an informative Dirichlet prior; z ≥ 2 is clear).</p>",
        format_count(t.would_not_texts), format_count(t.would_texts));
    out += html_table(words_table(t));
  }
  out += "<h3 id=\"drivers\">Key drivers</h3>";
  if (data.drivers.sets.empty())
    out += no_data("no source rates several aspects (seat, staff, price...) next to a "
                   "would-buy-again or would-recommend answer.");
  for (const auto &s : data.drivers.sets) {
    out += "<h4>" + text(driver_set_title(s)) + "</h4>";
    out += "<p class=\"note\">" + text(driver_set_note(s)) + "</p>";
    out += html_table(drivers_table(s));
  }
  out += "</section>\n";
}

void customers(std::string &out, const report_data &data) {
  const auto &c = data.customers;
  out += "<section id=\"at-risk\"><h2>Who do we call first?</h2>";
  out += fmt::format("<h3>At risk: <span id=\"at-risk-total\" data-value=\"{0}\">{1}</span> "
                     "customers whose latest feedback says they will not come back</h3>",
                     c.at_risk_total, format_count(c.at_risk_total));
  if (c.at_risk.empty()) {
    out += "<p>None.</p>";
  } else {
    if (!std::isnan(c.at_risk_value) && c.value_of_all > 0)
      out += fmt::format("<p>Together they are worth <strong id=\"at-risk-value\">{}</strong>, "
                         "{} of the {} that all customers with feedback are worth.</p>",
                         format_money(c.at_risk_value),
                         format_percent(c.at_risk_value / c.value_of_all),
                         format_money(c.value_of_all));
    out += "<p class=\"note\">Most valuable first; value: " +
           text(c.value_basis.empty() ? "unknown (no orders imported)" : c.value_basis) +
           (c.at_risk_total > c.at_risk.size()
                ? fmt::format("; the {} most valuable shown", c.at_risk.size())
                : std::string()) +
           ".</p>";
    out += html_table(customers_table(c.at_risk, false));
  }
  out += fmt::format("<h3>Won back: {} customers</h3>", format_count(c.won_back_total));
  if (c.won_back.empty())
    out += "<p>None.</p>";
  else
    out += html_table(customers_table(c.won_back, true));
  out += "</section>\n";
}

void quality(std::string &out, const report_data &data) {
  const auto &q = data.quality;
  out += "<section id=\"quality\"><h2>Data quality</h2><p>Every row of every file is stored, "
         "rejected with a reason (<code>rebuy rejects</code>) or skipped by a visible rule.</p>";
  out += html_table(quality_table(q));
  out += "<h3>Mapping and scales</h3>" + html_table(mapping_table(q));
  out +=
      fmt::format("<p><strong>NPS denominator:</strong> {} (<code>--nps-denominator {}</code>; "
                  "{} responses were asked the NPS question but have no valid answer).</p>",
                  text(q.denominator_policy), nps_denominator_value(data.options.nps_denominator),
                  format_count(q.nps_unanswered));
  out += fmt::format("<p><strong>NPS intervals:</strong> {} (<code>--nps-interval {}</code>), "
                     "for every NPS in this report.</p>",
                     text(nps_interval_title(data.options.nps_interval)),
                     nps_interval_value(data.options.nps_interval));
  out += "<p><strong>Would buy again:</strong> " + text(rate_definition(data.headline.basis)) +
         ".</p>";
  if (data.headline.undated)
    out += fmt::format("<p>{} responses have no readable date: they count in the headline and the "
                       "breakdowns but not in the trend.</p>",
                       format_count(data.headline.undated));
  out += "</section>\n";
}

} // namespace rebuy::core::html
