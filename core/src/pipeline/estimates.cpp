#include "pipeline/estimates.hpp"

#include "util/errors.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

// ?1 analyzer version, ?2 the horizon as an SQLite modifier ("+90 days").
constexpr const char *ordered_again_sql = R"sql(
WITH data_end AS (SELECT max(ordered_at) AS t FROM orders),
candidates AS (
  SELECT r.id, r.submitted_at,
    strftime('%Y-%m-%dT%H:%M:%SZ', r.submitted_at, ?2) AS horizon_end,
    (SELECT o.order_id || ' on ' || substr(o.ordered_at, 1, 10) FROM orders o
      WHERE o.customer = r.customer AND o.ordered_at > r.submitted_at
        AND o.ordered_at <= strftime('%Y-%m-%dT%H:%M:%SZ', r.submitted_at, ?2)
      ORDER BY o.ordered_at LIMIT 1) AS next_order
  FROM responses r
  WHERE r.customer IS NOT NULL AND r.submitted_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM orders o WHERE o.customer = r.customer))
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, evidence)
SELECT c.id, 'rebuy', 'ordered_again', ?1, c.next_order IS NOT NULL,
  CASE WHEN c.next_order IS NOT NULL THEN 'ordered again: ' || c.next_order
       ELSE 'no order in the ' || ?3 || ' days after responding' END
FROM candidates c, data_end d
WHERE c.next_order IS NOT NULL OR c.horizon_end <= d.t
)sql";

// The order count a response gives (buy_again/repeat_customer: 1 for 2+
// orders, 0 for a first order) is past behaviour, not an outcome: it is
// turned into a probability by what the customers in the same group did. The
// rate of ordering again within the horizon among responses of the group with
// a known outcome, shrunk toward the rate of every such response:
// (y_g + α·m) / (n_g + α). Responses whose own outcome is known never need it.
// ?1 analyzer version, ?2 α, ?3 the horizon in days.
constexpr const char *order_count_sql = R"sql(
WITH known AS (
  SELECT c.value AS repeat_customer, o.value AS y FROM scores c
  JOIN scores o ON o.response_id = c.response_id AND o.analyzer = 'rebuy'
    AND o.metric = 'ordered_again'
  WHERE c.analyzer = 'buy_again' AND c.metric = 'repeat_customer'),
overall AS (SELECT avg(y) AS m, count(*) AS n FROM known),
grouped AS (SELECT repeat_customer, count(*) AS n, sum(y) AS y FROM known GROUP BY repeat_customer),
rates AS (
  SELECT v.repeat_customer, coalesce(g.n, 0) AS n, coalesce(g.y, 0) AS y, o.m,
    (coalesce(g.y, 0) + ?2 * o.m) / (coalesce(g.n, 0) + ?2) AS p
  FROM (SELECT 0 AS repeat_customer UNION ALL SELECT 1) v
  CROSS JOIN overall o LEFT JOIN grouped g ON g.repeat_customer = v.repeat_customer
  WHERE o.n > 0)
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, evidence)
SELECT c.response_id, 'rebuy', 'order_count_probability', ?1, r.p,
  printf('%s; of %d %s customers whose outcome is known, %d ordered again within %d days ' ||
         '(%d of %d of all: %.1f %%); shrunk with %g pseudo-responses: %.2f',
         c.evidence, r.n, iif(r.repeat_customer = 1, 'repeat', 'first-time'), r.y, ?3,
         (SELECT sum(y) FROM grouped), (SELECT n FROM overall), 100.0 * r.m, ?2, r.p)
FROM scores c JOIN rates r ON r.repeat_customer = c.value
WHERE c.analyzer = 'buy_again' AND c.metric = 'repeat_customer' AND r.p IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM scores o WHERE o.response_id = c.response_id
    AND o.analyzer = 'rebuy' AND o.metric = 'ordered_again')
)sql";

// The evidence in its order; each source is one score row (or none).
constexpr const char *estimate_sql = R"sql(
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, label, evidence)
SELECT r.id, 'rebuy', m.metric, ?1,
  CASE m.metric WHEN 'buy_again_probability'
    THEN coalesce(a.value, o.value, c.value, g.value, t.value) END,
  CASE m.metric WHEN 'buy_again_basis' THEN
    CASE WHEN a.value IS NOT NULL THEN 'answer'
         WHEN coalesce(o.value, c.value) IS NOT NULL THEN 'orders'
         WHEN g.value IS NOT NULL THEN 'rating' WHEN t.value IS NOT NULL THEN 'text'
         ELSE 'none' END END,
  CASE WHEN a.value IS NOT NULL THEN a.evidence WHEN o.value IS NOT NULL THEN o.evidence
       WHEN c.value IS NOT NULL THEN c.evidence WHEN g.value IS NOT NULL THEN g.evidence
       ELSE t.evidence END
FROM responses r
CROSS JOIN (SELECT 'buy_again_probability' AS metric UNION ALL SELECT 'buy_again_basis') m
LEFT JOIN scores a ON a.response_id = r.id AND a.analyzer = 'buy_again'
  AND a.metric = 'answer_probability'
LEFT JOIN scores o ON o.response_id = r.id AND o.analyzer = 'rebuy' AND o.metric = 'ordered_again'
LEFT JOIN scores c ON c.response_id = r.id AND c.analyzer = 'rebuy'
  AND c.metric = 'order_count_probability'
LEFT JOIN scores g ON g.response_id = r.id AND g.analyzer = 'buy_again'
  AND g.metric = 'rating_probability'
LEFT JOIN scores t ON t.response_id = r.id AND t.analyzer = 'text_signals'
  AND t.metric = 'text_buy_again_probability'
WHERE m.metric = 'buy_again_basis'
  OR coalesce(a.value, o.value, c.value, g.value, t.value) IS NOT NULL
)sql";

uint64_t count(sql::connection &db, const char *sql) {
  auto s = db.prepare(sql);
  s.step();
  return static_cast<uint64_t>(s.column_int(0));
}

} // namespace

int stored_horizon_days(sql::connection &db) {
  auto s = db.prepare("SELECT value FROM settings WHERE name = 'horizon_days'");
  if (!s.step()) return estimate_options{}.horizon_days;
  const int64_t days = s.column_int(0);
  return days >= 1 && days <= 3650 ? static_cast<int>(days) : estimate_options{}.horizon_days;
}

void store_horizon_days(sql::connection &db, int days) {
  if (days < 1 || days > 3650)
    throw usage_error(fmt::format("--horizon {}: expected a number of days from 1 to 3650", days));
  auto s = db.prepare("INSERT INTO settings (name, value) VALUES ('horizon_days', ?1) "
                      "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
  s.bind(1, static_cast<int64_t>(days)).run();
}

estimate_outcome derive_estimates(sql::connection &db, const estimate_options &options) {
  sql::transaction tx(db);
  db.exec("DELETE FROM scores WHERE analyzer = 'rebuy'");
  auto observed = db.prepare(ordered_again_sql);
  const std::string horizon = fmt::format("+{} days", options.horizon_days);
  observed.bind(1, std::string_view(estimates_version))
      .bind(2, horizon)
      .bind(3, static_cast<int64_t>(options.horizon_days));
  observed.run();
  auto order_count = db.prepare(order_count_sql);
  order_count.bind(1, std::string_view(estimates_version))
      .bind(2, options.order_count_shrinkage)
      .bind(3, static_cast<int64_t>(options.horizon_days));
  order_count.run();
  auto estimate = db.prepare(estimate_sql);
  estimate.bind(1, std::string_view(estimates_version));
  estimate.run();
  tx.commit();
  return {count(db, "SELECT count(*) FROM scores WHERE analyzer = 'rebuy' AND metric = "
                    "'ordered_again'"),
          count(db, "SELECT count(*) FROM scores WHERE analyzer = 'rebuy' AND metric = "
                    "'buy_again_probability'")};
}

} // namespace rebuy::core
