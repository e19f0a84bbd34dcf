#include "report/markdown_report.hpp"

#include "report/report_tables.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {
namespace {

std::string percent(uint64_t part, uint64_t whole) {
  return whole ? format_percent(static_cast<double>(part) / static_cast<double>(whole)) : "n/a";
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

const char *small(bool flag) { return flag ? " ⚠ small sample" : ""; }

std::string dimension_title(const std::string &d) {
  if (d == "journey_stage") return "journey stage";
  return d;
}

void headline(std::string &md, const report_data &data) {
  const auto &h = data.headline;
  const auto &f = h.overall;
  md += "## Are we earning the next sale?\n\n";
  const std::string awaiting =
      fmt::format("{} responses are not analyzed yet: run `rebuy analyze`", data.awaiting_analysis);
  if (h.basis == rate_basis::none && data.awaiting_analysis)
    md += "- **Would buy again: awaiting analysis** — " + awaiting + ".\n";
  else if (h.basis == rate_basis::none)
    md += "- **Would buy again: no data** — no explicit would-buy-again answers and no estimated "
          "probabilities.\n";
  else
    md +=
        fmt::format("- **Would buy again: {}** (95 % interval {}), n = {} {}.{}\n",
                    format_percent(f.rate), format_rate_interval(f), format_count(f.rate_n),
                    h.basis == rate_basis::answers ? "answers" : "estimates", small(f.small_rate));
  if (std::isfinite(f.expected_probability)) {
    md += fmt::format("- Expected repurchase probability: **{}** (mean of {} per-response "
                      "estimates; basis:",
                      format_percent(f.expected_probability), format_count(f.probability_n));
    for (size_t i = 0; i < h.estimate_bases.size(); ++i)
      md += fmt::format("{} {} {}", i ? "," : "", markdown_escape(h.estimate_bases[i].answer),
                        format_count(h.estimate_bases[i].count));
    md += ").\n";
    for (const auto &note : {rating_reading_note(data), text_reading_note(data)})
      if (!note.empty()) md += "- " + markdown_escape(note) + "\n";
  } else {
    md += data.awaiting_analysis
              ? "- Expected repurchase probability: awaiting analysis (" + awaiting + ").\n"
              : "- Expected repurchase probability: no data (no per-response estimates).\n";
  }
  if (f.nps_counts.n() == 0) {
    md += data.awaiting_analysis ? "- NPS: awaiting analysis (" + awaiting + ").\n"
                                 : "- NPS: no data (no 0-10 likelihood-to-recommend answers).\n";
  } else {
    md += fmt::format("- **NPS {}** (95 % interval {}, {}), n = ", format_points(f.nps.score),
                      format_nps_interval(f), nps_interval_title(data.options.nps_interval));
    if (f.nps_unanswered) md += fmt::format("{}: ", f.nps_counts.n());
    md += fmt::format("{} answers", f.nps_counts.n() - f.nps_unanswered);
    if (!data.quality.nps_questions.empty()) md += " to " + quoted_list(data.quality.nps_questions);
    if (f.nps_unanswered)
      md += fmt::format(" and {} responses without one, counted as neither", f.nps_unanswered);
    md += fmt::format(" (denominator: {}).{}\n",
                      nps_denominator_value(data.options.nps_denominator), small(f.small_nps));
  }
  if (f.recommend_n > 0) {
    md += fmt::format("- **Would recommend: {}** (95 % interval {}, Wilson): {} of {} yes/no "
                      "answers",
                      format_percent(f.recommend_share), format_recommend_interval(f),
                      format_count(f.recommend_yes), format_count(f.recommend_n));
    if (!data.quality.recommend_questions.empty())
      md += " to " + quoted_list(data.quality.recommend_questions);
    md += "; a stated recommendation, not an NPS.\n";
  }
  const auto &c = h.change;
  if (c.available) {
    md +=
        fmt::format("- Change, {} to {} against {} to {}: would buy again {} ({}), NPS {} ({}).\n",
                    c.current_from, c.current_to, c.previous_from, c.previous_to,
                    format_point_change(c.rate_test.difference), format_test(c.rate_test),
                    format_point_change(c.nps_test.difference), format_test(c.nps_test));
  } else {
    md += "- Change against the previous period: no dated responses to compare.\n";
  }
  if (h.basis != rate_basis::none)
    md += fmt::format("\nWould buy again means: {}.\n\n", rate_definition(h.basis));
  else
    md += "\n";
  if (f.nps_counts.n() > 0) {
    const uint64_t n = f.nps_counts.n(), passives = f.nps_counts.passives - f.nps_unanswered;
    md += fmt::format("Promoters (9-10): {} ({}) · Passives (7-8): {} ({}) · Detractors (0-6): {} "
                      "({})",
                      f.nps_counts.promoters, percent(f.nps_counts.promoters, n), passives,
                      percent(passives, n), f.nps_counts.detractors,
                      percent(f.nps_counts.detractors, n));
    if (f.nps_unanswered)
      md += fmt::format(" · No answer: {} ({})", f.nps_unanswered, percent(f.nps_unanswered, n));
    md += fmt::format(". Denominator: {}.\n\n", data.quality.denominator_policy);
  }

  md += "## Would they buy again?\n\n";
  if (h.buy_again_answers.empty()) {
    md += "No answers to a would-buy-again question.\n\n";
    return;
  }
  md += fmt::format("{} answers, as given:\n\n| Answer | Responses | Share |\n|---|---:|---:|\n",
                    h.buy_again_answered);
  constexpr size_t shown = 12; // a free-text question would otherwise list every answer
  for (size_t i = 0; i < h.buy_again_answers.size() && i < shown; ++i) {
    const auto &a = h.buy_again_answers[i];
    md += fmt::format("| {} | {} | {} |\n", markdown_escape(a.answer), a.count,
                      percent(a.count, h.buy_again_answered));
  }
  if (h.buy_again_answers.size() > shown)
    md += fmt::format("| ({} other answers) | | |\n", h.buy_again_answers.size() - shown);
  md += "\n";
}

// The figures of a group; with `recommend`, the would-recommend share too (a
// report whose sources state referral as yes/no answers).
std::string figures_cells(const figures &f, bool recommend) {
  std::string cells =
      fmt::format("{} | {} | {} | {} | {} | {}", format_count(f.responses),
                  format_percent(f.rate) + small(f.small_rate), format_rate_interval(f),
                  format_points(f.nps.score) + small(f.small_nps), format_nps_interval(f),
                  format_count(f.nps_counts.n()));
  if (recommend)
    cells +=
        fmt::format(" | {} | {}", format_percent(f.recommend_share), format_recommend_interval(f));
  return cells;
}
std::string figures_header(bool recommend) {
  return std::string("Responses | Would buy again | 95 % | NPS | 95 % | NPS n") +
         (recommend ? " | Would recommend | 95 %" : "");
}
std::string figures_rule(bool recommend) {
  return std::string("---:|---:|---|---:|---|---:") + (recommend ? "|---:|---" : "");
}
bool shows_recommend(const report_data &data) { return data.headline.overall.recommend_n > 0; }

void trend(std::string &md, const report_data &data) {
  md += fmt::format("## Trend by {}\n\n", data.trend.granularity);
  if (data.trend.points.empty()) return void(md += "No data: no response has a date.\n\n");
  const bool recommend = shows_recommend(data);
  md += fmt::format("| Period | {} |\n|---|{}|\n", figures_header(recommend),
                    figures_rule(recommend));
  for (const auto &p : data.trend.points)
    md += fmt::format("| {} | {} |\n", p.period, figures_cells(p.values, recommend));
  md += "\n";
}

void breakdowns(std::string &md, const report_data &data) {
  md += "## Where are we losing it?\n\nRows sorted by their gap to the overall figure, worst "
        "first. *vs rest*: each row against all other responses of the report (two-proportion "
        "test for the rate, two-sample NPS test); ▲/▼ marks a difference unlikely to be chance "
        "(p < 0.05).\n\n";
  for (const auto &b : data.breakdowns) {
    md += fmt::format("### By {}\n\n", markdown_escape(dimension_title(b.dimension)));
    if (b.rows.empty()) {
      md += "No data: no response has a value.\n\n";
      continue;
    }
    const bool recommend = shows_recommend(data);
    md += fmt::format("| {} | {} | Gap | Rate vs rest | NPS vs rest |\n|---|{}|---:|---|---|\n",
                      markdown_escape(b.dimension), figures_header(recommend),
                      figures_rule(recommend));
    for (const auto &r : b.rows)
      md += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_escape(r.value),
                        figures_cells(r.values, recommend),
                        b.metric == "nps" ? format_points(r.gap) : format_point_change(r.gap),
                        format_vs_rest(r.vs_rest.rate), format_vs_rest(r.vs_rest.nps));
    if (b.values > b.rows.size())
      md += fmt::format("\n{} more values not shown (the largest {} are).",
                        b.values - b.rows.size(), b.rows.size());
    if (b.not_given) md += fmt::format("\n{} responses have no {}.", b.not_given, b.dimension);
    md += "\n\n";
  }
}

void key_drivers(std::string &md, const drivers_data &d) {
  md += "### Key drivers\n\n";
  if (d.sets.empty()) {
    md += "No data: no source rates several aspects (seat, staff, price...) next to a "
          "would-buy-again or would-recommend answer.\n\n";
    return;
  }
  for (const auto &s : d.sets) {
    md += "#### " + markdown_escape(driver_set_title(s)) + "\n\n";
    md += markdown_escape(driver_set_note(s)) + "\n\n";
    md += markdown_table(drivers_table(s));
  }
}

void drivers(std::string &md, const report_data &data) {
  const auto &t = data.themes;
  md += "## What drives customers away?\n\n### Themes\n\n";
  if (t.themes.empty()) {
    md += "No data: no response has themes (the themes analyzer has not run).\n\n";
  } else {
    md += "Impact = the figure for everyone minus the figure without the theme's responses; "
          "negative means the theme pulls it down.\n\n";
    md += markdown_table(themes_table(t));
  }
  md += "### Words of those who would not buy again\n\n";
  if (t.words.empty()) {
    md += fmt::format("No data: no word sets would-not-buy-again feedback apart ({} such texts "
                      "against {} would-buy-again texts).\n\n",
                      t.would_not_texts, t.would_texts);
  } else {
    md += fmt::format("Log-odds with an informative Dirichlet prior, {} would-not texts against "
                      "{} would texts.\n\n",
                      t.would_not_texts, t.would_texts);
    md += markdown_table(words_table(t));
  }
  key_drivers(md, data.drivers);
}

void customers(std::string &md, const report_data &data) {
  const auto &c = data.customers;
  md += "## Who do we call first?\n\n";
  md += fmt::format(
      "### At risk: {} customers whose latest feedback says they will not come back\n\n",
      c.at_risk_total);
  if (c.at_risk.empty())
    md += "None.\n\n";
  else {
    if (!std::isnan(c.at_risk_value) && c.value_of_all > 0)
      md += fmt::format("Together they are worth {}, {} of the {} that all customers with "
                        "feedback are worth.\n\n",
                        format_money(c.at_risk_value),
                        format_percent(c.at_risk_value / c.value_of_all),
                        format_money(c.value_of_all));
    md += fmt::format("Most valuable first (value: {}).\n\n",
                      c.value_basis.empty() ? "unknown, no orders" : c.value_basis);
    md += markdown_table(customers_table(c.at_risk, false));
  }
  md += fmt::format("### Won back: {} customers\n\n", c.won_back_total);
  if (c.won_back.empty())
    md += "None.\n\n";
  else
    md += markdown_table(customers_table(c.won_back, true));
}

void calibration(std::string &md, const report_data &data) {
  const auto &c = data.calibration;
  md += "## Stated vs observed\n\n";
  if (c.n == 0) {
    md += "No data: no response has both an estimated probability and an observed repeat order "
          "(import orders to see how stated intent turns into purchases).";
    if (const uint64_t counted = order_count_responses(c.order_counts))
      md += fmt::format(" {} responses say how many times the customer had ordered; imported "
                        "orders would show what they did next.",
                        counted);
    md += "\n\n";
    return;
  }
  md += fmt::format("{} responses; {} ordered again within {} days of responding. Brier score "
                    "{:.4f} (0 is perfect; always predicting the observed share would score "
                    "{:.4f}).\n\n",
                    c.n, format_percent(c.observed), c.horizon_days, c.brier,
                    c.observed * (1 - c.observed));
  md += markdown_table(calibration_bins_table(c));
  if (!c.levels.empty()) {
    md += fmt::format("By stated answer, strongest first. Shrunk = (ordered again + α·m) / "
                      "(responses + α), with m = {} (all answers) and α = {:g}: a small group "
                      "is pulled toward m.\n\n",
                      format_percent(c.levels_observed), c.shrinkage);
    md += markdown_table(calibration_levels_table(c));
  }
  if (!c.order_counts.empty()) {
    md += "By the order count given when answering (post-purchase surveys): what each group did "
          "next. For responses whose own outcome is not known yet, the group's rate, shrunk "
          "toward the overall one, is the estimate (basis `orders`).\n\n";
    md += markdown_table(order_counts_table(c));
  }
  md += "Surveying customers raises their later buying (self-generated validity): the rates "
        "here, shrunk or not, are what *surveyed* customers did, and overstate what customers "
        "who were not surveyed would do; do not apply them to those unadjusted.\n\n";
}

void referral(std::string &md, const report_data &data) {
  if (!data.referral) return;
  const auto &r = *data.referral;
  md += fmt::format("## Said they would recommend, say they did\n\nPer NPS class, the share who "
                    "answer yes to \"{}\" (95 % Wilson interval; other answers not counted).\n\n",
                    markdown_escape(r.question));
  md += markdown_table(referral_table(r));
}

void quality(std::string &md, const report_data &data) {
  const auto &q = data.quality;
  md += "## Data quality\n\nEvery row of every file is stored, rejected with a reason "
        "(`rebuy rejects`) or skipped by a visible rule.\n\n";
  md += markdown_table(quality_table(q));
  md += "### Mapping and scales\n\n" + markdown_table(mapping_table(q));
  md += fmt::format(
      "NPS denominator: {} (`--nps-denominator {}`; {} responses were asked the NPS question but "
      "have no valid answer). NPS intervals: {} (`--nps-interval {}`). Would buy again: {}.",
      q.denominator_policy, nps_denominator_value(data.options.nps_denominator), q.nps_unanswered,
      nps_interval_title(data.options.nps_interval), nps_interval_value(data.options.nps_interval),
      rate_definition(data.headline.basis));
  if (data.headline.undated)
    md += fmt::format(" {} responses have no readable date: they count in the headline and the "
                      "breakdowns but not in the trend.",
                      data.headline.undated);
  md += "\n";
}

} // namespace

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
  if (!data.headline.first_day.empty())
    md += fmt::format(", submitted {} to {}", data.headline.first_day, data.headline.last_day);
  const auto &filter = data.options.filter;
  if (!filter.source.empty()) md += fmt::format(", source \"{}\"", markdown_escape(filter.source));
  for (const auto &[attribute, value] : filter.where)
    md += fmt::format(", {} = \"{}\"", markdown_escape(attribute), markdown_escape(value));
  md += fmt::format(". Generated {}.\n\n", data.generated_at);
  if (data.awaiting_analysis)
    md +=
        fmt::format("**{} of these responses await analysis.** Run `rebuy analyze`: until then no "
                    "NPS, would-buy-again or theme figure counts them.\n\n",
                    data.awaiting_analysis);
  for (const auto &p : data.set_aside)
    md += fmt::format("**Plugin {} is set aside** ({}): it {}. Its figures cover only what it did "
                      "before.\n\n",
                      markdown_escape(p.id), markdown_escape(p.file), markdown_escape(p.reason));
  headline(md, data);
  trend(md, data);
  breakdowns(md, data);
  drivers(md, data);
  customers(md, data);
  calibration(md, data);
  referral(md, data);
  quality(md, data);
  return md;
}

} // namespace rebuy::core
