#include "pipeline/estimates.hpp"

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

// The evidence in its order; each source is one score row (or none).
constexpr const char *estimate_sql = R"sql(
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, label, evidence)
SELECT r.id, 'rebuy', m.metric, ?1,
  CASE m.metric WHEN 'buy_again_probability' THEN coalesce(a.value, o.value, g.value, t.value) END,
  CASE m.metric WHEN 'buy_again_basis' THEN
    CASE WHEN a.value IS NOT NULL THEN 'answer' WHEN o.value IS NOT NULL THEN 'orders'
         WHEN g.value IS NOT NULL THEN 'rating' WHEN t.value IS NOT NULL THEN 'text'
         ELSE 'none' END END,
  CASE WHEN a.value IS NOT NULL THEN a.evidence WHEN o.value IS NOT NULL THEN o.evidence
       WHEN g.value IS NOT NULL THEN g.evidence ELSE t.evidence END
FROM responses r
CROSS JOIN (SELECT 'buy_again_probability' AS metric UNION ALL SELECT 'buy_again_basis') m
LEFT JOIN scores a ON a.response_id = r.id AND a.analyzer = 'buy_again'
  AND a.metric = 'answer_probability'
LEFT JOIN scores o ON o.response_id = r.id AND o.analyzer = 'rebuy' AND o.metric = 'ordered_again'
LEFT JOIN scores g ON g.response_id = r.id AND g.analyzer = 'buy_again'
  AND g.metric = 'rating_probability'
LEFT JOIN scores t ON t.response_id = r.id AND t.analyzer = 'text_signals'
  AND t.metric = 'text_buy_again_probability'
WHERE m.metric = 'buy_again_basis' OR coalesce(a.value, o.value, g.value, t.value) IS NOT NULL
)sql";

uint64_t count(sql::connection &db, const char *sql) {
  auto s = db.prepare(sql);
  s.step();
  return static_cast<uint64_t>(s.column_int(0));
}

} // namespace

estimate_outcome derive_estimates(sql::connection &db, const estimate_options &options) {
  sql::transaction tx(db);
  db.exec("DELETE FROM scores WHERE analyzer = 'rebuy'");
  auto observed = db.prepare(ordered_again_sql);
  const std::string horizon = fmt::format("+{} days", options.horizon_days);
  observed.bind(1, std::string_view(estimates_version))
      .bind(2, horizon)
      .bind(3, static_cast<int64_t>(options.horizon_days));
  observed.run();
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
