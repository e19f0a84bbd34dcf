#include "report/report_data.hpp"

#include "pipeline/estimates.hpp"
#include "report/response_scan.hpp"
#include "store/analyzer_state.hpp"
#include "store/read_beside.hpp"
#include "store/score_store.hpp"
#include "util/format_count.hpp"
#include "util/phase_timer.hpp"
#include "util/timestamp.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace rebuy::core {
namespace {

// Whether any of the report's estimates came from this basis ("rating", "text").
bool estimated_from(const headline_data &h, std::string_view basis) {
  return std::any_of(h.estimate_bases.begin(), h.estimate_bases.end(),
                     [&](const answer_count &b) { return b.answer == basis; });
}

// The columns answers of `role` (a response column: "nps", "recommend") came from.
// The period the report covers and the two windows its change compares.
struct period_plan {
  bool dated_only = false;       // --since/--until given: undated responses are left out
  int64_t first = -1, last = -1; // the period (dated_only), else the data's span
  int64_t current_from = -1, current_to = -1, previous_from = -1, previous_to = -1;

  bool covers(int64_t day) const {
    return !dated_only || (day >= 0 && day >= first && day <= last);
  }
};

period_plan plan_period(sql::connection &db, const report_filter &filter) {
  period_plan p;
  filter_sql f = filter_condition(db.dialect(), filter);
  auto s = db.prepare("SELECT min(submitted_at), max(submitted_at) FROM responses r WHERE "
                      "submitted_at IS NOT NULL AND " +
                      f.condition);
  bind_all(s, f);
  s.step();
  const int64_t data_first = day_of(s.column_text(0)), data_last = day_of(s.column_text(1));
  if (!filter.since.empty() || !filter.until.empty()) {
    p.dated_only = true;
    p.first = filter.since.empty() ? data_first : parse_day(filter.since);
    p.last = filter.until.empty() ? data_last : parse_day(filter.until);
    if (p.first < 0) p.first = p.last;
    if (p.last < 0) p.last = p.first;
    // The previous period: as long as this one, just before it.
    p.current_from = p.first, p.current_to = p.last;
    p.previous_to = p.first - 1;
    p.previous_from = p.previous_to - (p.last - p.first);
  } else if (data_last >= 0) {
    p.first = data_first, p.last = data_last;
    // Without dates: the latest calendar month of data against the month before.
    p.current_from = month_start(data_last), p.current_to = data_last;
    p.previous_to = p.current_from - 1;
    p.previous_from = month_start(p.previous_to);
  }
  return p;
}

} // namespace

std::string rate_definition(rate_basis basis) {
  switch (basis) {
  case rate_basis::answers:
    return "share of explicit would-buy-again answers in the top-2 box (e.g. \"definitely\" or "
           "\"probably would\", \"yes\"), 95 % Wilson interval";
  case rate_basis::estimate:
    return "no explicit would-buy-again answers: share of responses whose estimated "
           "probability of buying again is at least 50 % (basis shown), 95 % Wilson interval";
  case rate_basis::none:
    break;
  }
  return "no data: no explicit would-buy-again answers and no estimated probabilities";
}

std::string rating_reading_note(const report_data &data) {
  if (!data.rating_reading) return {};
  const rating_calibration &c = *data.rating_reading;
  if (!c.fitted())
    return fmt::format(
        "Star ratings are read as satisfaction, not intent, by the buy_again analyzer's default "
        "(4 and 5 stars above one half); not calibrated: {} ratings sit next to a would-buy-again "
        "answer or an observed order, {} are needed.",
        format_count(c.other_pairs), min_calibration_pairs);
  std::string steps;
  for (const auto &s : c.steps)
    steps += fmt::format("{}{} → {:.2f} ({} pairs, default {:.2f})", steps.empty() ? "" : "; ",
                         s.rating, s.calibrated, format_count(s.pairs), s.fallback);
  return fmt::format("Star ratings are calibrated on this store's {} ratings beside {}, each "
                     "rating's share shrunk toward the default reading with {:g} "
                     "pseudo-responses and kept monotone: {}.",
                     format_count(c.pairs),
                     c.basis == "orders" ? "observed orders" : "would-buy-again answers",
                     c.shrinkage, steps);
}

std::string text_reading_note(const report_data &data) {
  if (!data.text_model || !estimated_from(data.headline, "text")) return {};
  const text_model_summary &m = *data.text_model;
  if (!m.used) return "Texts are read by the lexicon alone: " + m.reason + ".";
  auto listed = [](const std::vector<std::pair<std::string, uint64_t>> &counts) {
    std::string out;
    for (const auto &[name, n] : counts)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, format_count(n));
    return out;
  };
  return fmt::format(
      "Texts without an answer, a recommendation or a rating are read by a model learnt from "
      "this store's {} labelled texts{} ({}; sources: {}), blended with the lexicon: "
      "cross-validated AUC {:.3f}, against {:.3f} for the lexicon alone.",
      format_count(m.learnt),
      m.learnt < m.labelled ? fmt::format(" (an even sample of {})", format_count(m.labelled))
                            : std::string(),
      listed(m.labels), listed(m.sources), m.blend_auc, m.lexicon_auc);
}

nps_summary nps_of(sql::connection &db, const std::string &source) {
  nps_summary out;
  auto count = [&out](const page_score *c) {
    if (!c || std::isnan(c->value)) return;
    ++(c->value > 0.5    ? out.counts.promoters
       : c->value < -0.5 ? out.counts.detractors
                         : out.counts.passives);
  };
  answered_runs answered;
  auto sources = db.prepare("SELECT min(source), max(source) FROM import_runs");
  if (sources.step() &&
      (source.empty() || (sources.column_text(0) == source && sources.column_text(1) == source))) {
    // Every response counts (all asked for, or a store of one source, the usual case): the metric
    // alone gives the counts, and each run with an NPS column is asked for one answer, not a scan
    // of them all.
    metric_reader classes(db, "nps", "nps_class", false);
    while (const page_score *c = classes.next())
      count(c);
    auto runs = db.prepare("SELECT id, mapping FROM import_runs ORDER BY id");
    auto any = db.prepare("SELECT 1 FROM responses WHERE run_id = ?1 AND nps IS NOT NULL LIMIT 1");
    while (runs.step()) {
      if (columns_with_role(runs.column_text(1), "nps").empty()) continue;
      any.reset();
      if (any.bind(1, runs.column_int(0)).step()) answered.add(runs.column_int(0));
    }
  } else {
    report_filter filter;
    filter.source = source;
    filter_sql f = filter_condition(db.dialect(), filter);
    auto s = db.prepare_scan("SELECT r.id, r.run_id, r.nps FROM responses r WHERE " + f.condition +
                             " ORDER BY r.id");
    bind_all(s, f);
    metric_cursor classes(db, "nps", "nps_class", false);
    while (s.step()) {
      if (!s.is_null(2)) answered.add(s.column_int(1));
      count(classes.at(s.column_int(0)));
    }
  }
  out.estimate = stats::nps_adjusted_wald(out.counts);
  out.questions = answered.questions(db, "nps");
  return out;
}

report_data build_report(sql::connection &db, const report_options &options) {
  report_data out;
  out.generated_at = now_utc();
  out.options = options;
  // The scores and the orders are read beside the period; the scan needs both.
  std::optional<phase_timer> timer(std::in_place, "report: scores and period");
  auto orders_read = read_beside(db, [](sql::connection &c) { return customer_orders(c); });
  auto scores_read = read_beside(db, [](sql::connection &c) { return report_scores(c); });
  const period_plan period = plan_period(db, options.filter);
  const report_scores scores = scores_read.get();
  timer.emplace("report: scan");

  std::vector<std::string> dimensions(std::begin(fixed_dimensions), std::end(fixed_dimensions));
  dimensions.insert(dimensions.end(), options.by.begin(), options.by.end());
  headline_builder headline;
  trend_builder trend(period.first, period.last);
  breakdown_builder breakdowns(dimensions);
  themes_builder themes;
  drivers_builder drivers(db);
  customers_builder customers(scores.ids());
  calibration_builder calibration;
  const int64_t analyzed = analyzed_through(db);
  answered_runs nps_answered, recommend_answered; // the questions' runs, whatever the period

  // Two visitors, each on its own thread beside the reader; they share nothing but what they
  // only read (the period).
  auto read_themes = [&](const scanned_response &r) {
    if (!period.covers(day_of(r.submitted_at))) return;
    themes.add(r);
    drivers.add(r);
  };
  auto read_the_rest = [&](const scanned_response &r) {
    if (r.nps_answered) nps_answered.add(r.run_id);
    if (r.recommend_answered) recommend_answered.add(r.run_id);
    const int64_t day = day_of(r.submitted_at);
    if (day >= period.current_from && day <= period.current_to) headline.add_current(r);
    if (day >= period.previous_from && day <= period.previous_to) headline.add_previous(r);
    if (!period.covers(day)) return;
    out.awaiting_analysis += r.id > analyzed;
    headline.add(r, day);
    trend.add(r, day);
    breakdowns.add(r);
    customers.add(r);
    calibration.add(r);
  };
  scan_responses_in_parallel(db, options, scores, {read_themes, read_the_rest});
  timer.emplace("report: figures");

  const tally &overall = headline.overall();
  const rate_basis basis = overall.answered > 0    ? rate_basis::answers
                           : overall.estimated > 0 ? rate_basis::estimate
                                                   : rate_basis::none;
  out.responses = overall.responses;
  out.headline = headline.finish(basis, options);
  if (period.current_from >= 0) {
    out.headline.change.current_from = format_day(period.current_from);
    out.headline.change.current_to = format_day(period.current_to);
    out.headline.change.previous_from = format_day(period.previous_from);
    out.headline.change.previous_to = format_day(period.previous_to);
  } else {
    out.headline.change.available = false;
  }
  out.trend = trend.finish(basis, options);
  out.breakdowns = breakdowns.finish(overall, out.headline.overall, basis, options);
  out.themes = themes.finish(db, overall, basis, options);
  out.drivers = drivers.finish();
  out.customers = customers.finish(db, scores, orders_read.get(), options);
  out.calibration = calibration.finish(options.shrinkage);
  out.calibration.horizon_days = stored_horizon_days(db);
  out.referral = reported_referral_of(db, options.filter);
  if (estimated_from(out.headline, "rating")) out.rating_reading = stored_rating_calibration(db);
  out.text_model = stored_text_model_summary(db);

  for (auto &run : list_runs(db)) {
    if (!options.filter.source.empty() && run.source != options.filter.source) continue;
    out.quality.unmapped.push_back(columns_with_role(run.mapping, "attribute"));
    out.quality.mapped.push_back(mapped_columns(run.mapping));
    out.quality.runs.push_back(std::move(run));
  }
  out.quality.nps_questions = nps_answered.questions(db, "nps");
  out.quality.recommend_questions = recommend_answered.questions(db, "recommend");
  out.quality.denominator_policy = nps_denominator_definition(options.nps_denominator);
  out.quality.nps_unanswered = overall.nps_unanswered;
  timer.reset();
  return out;
}

} // namespace rebuy::core
