#include "pipeline/estimates.hpp"

#include "pipeline/rating_calibration.hpp"
#include "pipeline/text_model.hpp"

#include "store/read_beside.hpp"
#include "store/score_store.hpp"
#include "store/settings.hpp"
#include "util/errors.hpp"
#include "util/phase_timer.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>

#include <cmath>

namespace rebuy::core {
namespace {

// The responses whose later ordering is known, with the order that followed
// within the horizon (NULL: none). {0} is the end of the horizon after a
// response's time, in SQL: the horizon (?1) is "+90 days" on both databases.
constexpr const char *ordered_again_sql = R"sql(
WITH data_end AS (SELECT max(ordered_at) AS t FROM orders),
candidates AS (
  SELECT r.id, r.submitted_at, {0} AS horizon_end,
    (SELECT o.order_id || ' on ' || substr(o.ordered_at, 1, 10) FROM orders o
      WHERE o.customer = r.customer AND o.ordered_at > r.submitted_at
        AND o.ordered_at <= {0}
      ORDER BY o.ordered_at, o.order_id LIMIT 1) AS next_order
  FROM responses r
  WHERE r.customer IS NOT NULL AND r.submitted_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM orders o WHERE o.customer = r.customer))
SELECT c.id, c.next_order FROM candidates c, data_end d
WHERE c.next_order IS NOT NULL OR c.horizon_end <= d.t
ORDER BY c.id
)sql";

// submitted_at is always written as 2024-05-01T13:45:00Z (UTC).
std::string horizon_end_sql(sql::dialect dialect) {
  if (dialect == sql::dialect::postgres)
    return "to_char(CAST(r.submitted_at AS timestamp) + CAST(?1 AS interval), "
           "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
  return "strftime('%Y-%m-%dT%H:%M:%SZ', r.submitted_at, ?1)";
}

bool has_value(const page_score *s) { return s && !std::isnan(s->value); }

uint64_t write_ordered_again(sql::connection &db, score_store &store,
                             const estimate_options &options) {
  metric_appender out(store, store.metric_id(core_analyzer_id, "ordered_again"));
  // Without orders the query would still walk every response.
  if (!db.prepare("SELECT 1 FROM orders LIMIT 1").step()) return 0;
  auto s = db.prepare_scan(fmt::format(ordered_again_sql, horizon_end_sql(db.dialect())));
  const std::string horizon = fmt::format("+{} days", options.horizon_days);
  s.bind(1, horizon);
  const std::string none =
      fmt::format("no order in the {} days after responding", options.horizon_days);
  while (s.step())
    s.is_null(1)
        ? out.add(s.column_int(0), 0, {}, none)
        : out.add(s.column_int(0), 1, {}, fmt::format("ordered again: {}", s.column_text(1)));
  out.finish();
  return out.count();
}

// The order count a response gives (buy_again.repeat_customer: 1 for 2+
// orders, 0 for a first order) is past behaviour, not an outcome: it is
// turned into a probability by what the customers in the same group did. The
// rate of ordering again within the horizon among responses of the group with
// a known outcome, shrunk toward the rate of every such response:
// (y_g + α·m) / (n_g + α). Responses whose own outcome is known never need it.
void write_order_count_probability(sql::connection &db, score_store &store,
                                   const estimate_options &options) {
  struct group {
    uint64_t n = 0;
    double y = 0;
  } groups[2];
  uint64_t n_all = 0;
  double y_all = 0;
  {
    metric_cursor repeat(db, "buy_again", "repeat_customer", false);
    metric_reader ordered(db, core_analyzer_id, "ordered_again", false);
    while (const page_score *o = ordered.next()) {
      const page_score *c = repeat.at(o->response_id);
      if (!c) continue;
      ++n_all, y_all += o->value;
      if (c->value == 0 || c->value == 1) {
        auto &g = groups[c->value == 1];
        ++g.n, g.y += o->value;
      }
    }
  }
  if (n_all == 0) return;
  const double alpha = options.order_count_shrinkage, m = y_all / static_cast<double>(n_all);
  double p[2];
  std::string why[2];
  for (int repeat = 0; repeat < 2; ++repeat) {
    const group &g = groups[repeat];
    p[repeat] = (g.y + alpha * m) / (static_cast<double>(g.n) + alpha);
    why[repeat] = fmt::format(
        "; of {} {} customers whose outcome is known, {} ordered again within {} days ({} of {} "
        "of all: {:.1f} %); shrunk with {:g} pseudo-responses: {:.2f}",
        g.n, repeat ? "repeat" : "first-time", static_cast<int64_t>(g.y), options.horizon_days,
        static_cast<int64_t>(y_all), n_all, 100.0 * m, alpha, p[repeat]);
  }
  metric_appender out(store, store.metric_id(core_analyzer_id, "order_count_probability"));
  metric_cursor ordered(db, core_analyzer_id, "ordered_again", false);
  metric_reader repeat(db, "buy_again", "repeat_customer", true);
  while (const page_score *c = repeat.next()) {
    if ((c->value != 0 && c->value != 1) || ordered.at(c->response_id)) continue;
    const int group = c->value == 1;
    out.add(c->response_id, p[group], {}, std::string(c->evidence) + why[group]);
  }
  out.finish();
}

// What a calibrated rating's evidence adds, per step.
std::vector<std::string> calibration_notes(const rating_calibration &c) {
  std::vector<std::string> out;
  for (const auto &s : c.steps)
    out.push_back(
        c.basis == "orders"
            ? fmt::format("; calibrated on {} ratings beside observed orders: {} at {}, {:.2f} "
                          "ordered again; shrunk toward {:.2f} with {:g} pseudo-responses and "
                          "kept monotone: {:.2f}",
                          c.pairs, s.pairs, s.rating, s.observed, s.fallback, c.shrinkage,
                          s.calibrated)
            : fmt::format("; calibrated on {} ratings beside would-buy-again answers: {} at {}, "
                          "{:.2f} say they would buy again; shrunk toward {:.2f} with {:g} "
                          "pseudo-responses and kept monotone: {:.2f}",
                          c.pairs, s.pairs, s.rating, s.observed, s.fallback, c.shrinkage,
                          s.calibrated));
  return out;
}

// The estimate of every response with an id in (after, last]: the evidence in its order, each
// source one score (or none).
void estimate_range(sql::connection &db, int64_t after, int64_t last,
                    const rating_calibration &calibration, metric_appender &probability,
                    metric_appender &basis) {
  const int64_t from = after + 1;
  metric_cursor answer(db, "buy_again", "answer_probability", true, from),
      ordered(db, core_analyzer_id, "ordered_again", true, from),
      order_count(db, core_analyzer_id, "order_count_probability", true, from),
      rating(db, "buy_again", "rating_probability", true, from),
      lexicon(db, "text_signals", "text_buy_again_probability", true, from),
      model(db, core_analyzer_id, "text_model_probability", true, from);
  const std::vector<std::string> notes = calibration_notes(calibration);
  std::string calibrated_evidence;
  auto responses = db.prepare_scan(
      "SELECT id, rating, rating_max FROM responses WHERE id > ?1 AND id <= ?2 ORDER BY id");
  responses.bind(1, after).bind(2, last);
  while (responses.step()) {
    const int64_t id = responses.column_int(0);
    const page_score *a = answer.at(id), *o = ordered.at(id), *c = order_count.at(id),
                     *g = rating.at(id), *m = model.at(id), *l = lexicon.at(id);
    const page_score *t = has_value(m) ? m : l; // the text model blends the lexicon in
    const page_score *chosen = has_value(a)   ? a
                               : has_value(o) ? o
                               : has_value(c) ? c
                               : has_value(g) ? g
                                              : t;
    const char *why = has_value(a)                   ? "answer"
                      : has_value(o) || has_value(c) ? "orders"
                      : has_value(g)                 ? "rating"
                      : has_value(t)                 ? "text"
                                                     : "none";
    std::string_view evidence = chosen ? chosen->evidence : std::string_view();
    double value = chosen ? chosen->value : NAN;
    if (chosen == g && has_value(g) && calibration.fitted() && !responses.is_null(1)) {
      const auto position =
          rating_position(responses.column_double(1), responses.column_optional_double(2));
      if (const rating_step *step = position ? calibration.at(*position) : nullptr) {
        value = step->calibrated;
        calibrated_evidence.assign(evidence).append(notes[step - calibration.steps.data()]);
        evidence = calibrated_evidence;
      }
    }
    if (has_value(chosen)) probability.add(id, value, {}, evidence);
    basis.add(id, NAN, why, evidence);
  }
  probability.finish();
  basis.finish();
}

// The estimates of every response, replacing the ones before. Where a second connection reads
// beside this one, it estimates the upper half of the ids meanwhile, and its pages are inserted
// here.
uint64_t write_estimates(sql::connection &db, const rating_calibration &calibration) {
  sql::transaction tx(db);
  score_store store(db);
  const int64_t probability_id = store.metric_id(core_analyzer_id, "buy_again_probability"),
                basis_id = store.metric_id(core_analyzer_id, "buy_again_basis");
  store.forget(probability_id);
  store.forget(basis_id);
  const response_id_halves ids = halve_response_ids(db);
  auto upper = work_beside(db, [&](sql::connection &c) {
    std::pair<metric_appender, metric_appender> kept(probability_id, basis_id);
    estimate_range(c, ids.middle, ids.last, calibration, kept.first, kept.second);
    return kept;
  });
  metric_appender probability(store, probability_id), basis(store, basis_id);
  estimate_range(db, ids.first - 1, ids.middle, calibration, probability, basis);
  auto [upper_probability, upper_basis] = upper.get();
  for (const encoded_run &run : upper_probability.kept())
    store.insert(probability_id, run);
  for (const encoded_run &run : upper_basis.kept())
    store.insert(basis_id, run);
  tx.commit();
  return probability.count() + upper_probability.count();
}

} // namespace

int stored_horizon_days(sql::connection &db) {
  const auto value = read_setting(db, "horizon_days");
  int days = 0;
  if (value) std::from_chars(value->data(), value->data() + value->size(), days);
  return days >= 1 && days <= 3650 ? days : estimate_options{}.horizon_days;
}

void store_horizon_days(sql::connection &db, int days) {
  if (days < 1 || days > 3650)
    throw usage_error(fmt::format("--horizon {}: expected a number of days from 1 to 3650", days));
  write_setting(db, "horizon_days", std::to_string(days));
}

estimate_outcome derive_estimates(sql::connection &db, const estimate_options &options,
                                  const text_walk_beside *walked) {
  estimate_outcome out;
  rating_calibration calibration;
  // Two transactions: what the estimates rest on, then the estimates, read from it by two
  // connections where a second one can read. Between them, the store holds the estimates before.
  {
    sql::transaction tx(db);
    score_store store(db);
    for (const auto &metric : stored_metrics(db))
      if (metric.analyzer == core_analyzer_id && metric.metric != "buy_again_probability" &&
          metric.metric != "buy_again_basis")
        store.forget(metric.id);
    // The text model reads only the analyzers' scores, committed before this transaction took
    // the store's write lock: it learns on a second connection while the orders and ratings are
    // read here.
    auto learning = work_beside(db, [walked](sql::connection &c) {
      phase_timer timer("text model's learning");
      return learn_text_model(c, walked);
    });
    {
      phase_timer timer("ordered again");
      out.observed = write_ordered_again(db, store, options);
      write_order_count_probability(db, store, options);
    }
    {
      phase_timer timer("rating calibration");
      calibration = fit_rating_calibration(db, options.rating_shrinkage);
      store_rating_calibration(db, calibration);
    }
    const learnt_text_model model = learning.get();
    phase_timer timer("text model's scores");
    spdlog::debug("text model: {}",
                  model.summary.used ? "used" : "not used: " + model.summary.reason);
    store_text_model_summary(db, model.summary);
    score_unlabelled_texts(db, store, model);
    tx.commit();
  }
  phase_timer timer("estimates");
  out.estimated = write_estimates(db, calibration);
  return out;
}

} // namespace rebuy::core
