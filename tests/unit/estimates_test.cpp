// rebuy's own estimates: observed repurchase from orders, and one probability per response.
#include "pipeline/estimates.hpp"
#include "store/store.hpp"

#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
using namespace rebuy::test;
namespace fs = std::filesystem;

namespace {

// Responses 1-5 of customers a-e, all on 2024-01-10; scores and orders as the case needs.
void populate(sql::connection &db) {
  create_score_table(db);
  db.exec(R"sql(
INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, status)
  VALUES (1, 'f', 'x', '1', 's', '2024-01-01T00:00:00Z', 'done');
INSERT INTO responses (id, source, key, key_hash, content_hash, kind, run_id, customer, submitted_at)
  VALUES (1, 's', '1', 1, 'h', 'survey', 1, 'a', '2024-01-10T00:00:00Z'),
         (2, 's', '2', 2, 'h', 'survey', 1, 'b', '2024-01-10T00:00:00Z'),
         (3, 's', '3', 3, 'h', 'survey', 1, 'c', '2024-01-10T00:00:00Z'),
         (4, 's', '4', 4, 'h', 'survey', 1, 'd', '2024-01-10T00:00:00Z'),
         (5, 's', '5', 5, 'h', 'survey', 1, 'e', '2024-01-10T00:00:00Z');
-- a answered, and also rated; b only rated but ordered again; c rated; d only wrote; e nothing.
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, evidence) VALUES
  (1, 'buy_again', 'answer_probability', '1', 0.27, 'Buy again? = Probably would'),
  (1, 'buy_again', 'rating_probability', '1', 0.9, '5 stars'),
  (2, 'buy_again', 'rating_probability', '1', 0.2, '1 star'),
  (3, 'buy_again', 'rating_probability', '1', 0.7, '4 stars'),
  (4, 'text_signals', 'text_buy_again_probability', '1', 0.1, 'never again');
INSERT INTO orders (source, order_id, customer, ordered_at, amount, content_hash, run_id) VALUES
  ('o', 'B1', 'b', '2024-02-01T00:00:00Z', 10, 'h', 1),   -- b: again within 90 days
  ('o', 'C0', 'c', '2023-12-01T00:00:00Z', 10, 'h', 1),   -- c: only before responding
  ('o', 'Z9', 'z', '2024-06-01T00:00:00Z', 10, 'h', 1);   -- orders run past every horizon
)sql");
  pack_scores(db);
}

// The text of the first row `sql` gives over the store's scores, as a table.
std::string scores_text(sql::connection &db, const std::string &sql) {
  unpack_scores(db);
  return text_of(db, sql);
}

std::string estimate(sql::connection &db, int id) {
  return scores_text(
      db,
      "SELECT iif(p.value IS NULL, '-', printf('%.2f', p.value)) || ' ' || b.label FROM scores b "
      "LEFT JOIN scores p ON p.response_id = b.response_id AND p.analyzer = 'rebuy' "
      "AND p.metric = 'buy_again_probability' WHERE b.analyzer = 'rebuy' AND "
      "b.metric = 'buy_again_basis' AND b.response_id = " +
          std::to_string(id));
}

} // namespace

TEST_CASE("estimates: the strongest evidence decides, in the stated order") {
  temp_db t;
  auto db = open_store(t.path);
  populate(*db);
  auto outcome = derive_estimates(*db);
  CHECK(outcome.observed == 2);             // b and c have orders and a finished horizon
  CHECK(estimate(*db, 1) == "0.27 answer"); // the answer beats the rating
  CHECK(estimate(*db, 2) == "1.00 orders"); // what b did beats what b rated
  CHECK(estimate(*db, 3) == "0.00 orders"); // c did not order in the 90 days after
  CHECK(estimate(*db, 4) == "0.10 text");
  CHECK(estimate(*db, 5) == "- none");
  CHECK(scores_text(*db,
                    "SELECT evidence FROM scores WHERE analyzer = 'rebuy' AND metric = "
                    "'ordered_again' AND response_id = 2") == "ordered again: B1 on 2024-02-01");
}

TEST_CASE("estimates: a horizon the orders do not cover yet is not a 'no'") {
  temp_db t;
  auto db = open_store(t.path);
  populate(*db);
  db->exec("DELETE FROM orders WHERE order_id = 'Z9'"); // orders now end on 2024-02-01
  derive_estimates(*db);
  CHECK(estimate(*db, 2) == "1.00 orders"); // b ordered: known
  CHECK(estimate(*db, 3) == "0.70 rating"); // c: too early to say, so the rating decides
  // A shorter horizon that has passed makes c's 'no' known again.
  derive_estimates(*db, {.horizon_days = 14});
  CHECK(estimate(*db, 3) == "0.00 orders");
  CHECK(estimate(*db, 2) == "0.00 orders"); // b ordered 22 days after: not within 14
}

TEST_CASE("estimates: an order count is evidence through what its group of customers did") {
  temp_db t;
  auto db = open_store(t.path);
  populate(*db);
  // f and g are repeat customers (2+ orders when answering), h a first-time one;
  // f and h ordered again, g did not. i (repeat) and j (first-time) have no
  // orders imported: their outcome is unknown.
  create_score_table(*db);
  db->exec(R"sql(
INSERT INTO responses (id, source, key, key_hash, content_hash, kind, run_id, customer, submitted_at)
  VALUES (6, 's', '6', 6, 'h', 'survey', 1, 'f', '2024-01-10T00:00:00Z'),
         (7, 's', '7', 7, 'h', 'survey', 1, 'g', '2024-01-10T00:00:00Z'),
         (8, 's', '8', 8, 'h', 'survey', 1, 'h', '2024-01-10T00:00:00Z'),
         (9, 's', '9', 9, 'h', 'survey', 1, 'i', '2024-01-10T00:00:00Z'),
         (10, 's', '10', 10, 'h', 'survey', 1, 'j', '2024-01-10T00:00:00Z');
INSERT INTO scores (response_id, analyzer, metric, analyzer_version, value, evidence) VALUES
  (6, 'buy_again', 'repeat_customer', '1', 1, 'customer_order_count = 3'),
  (7, 'buy_again', 'repeat_customer', '1', 1, 'customer_order_count = 2'),
  (8, 'buy_again', 'repeat_customer', '1', 0, 'customer_order_count = 1'),
  (9, 'buy_again', 'repeat_customer', '1', 1, 'customer_order_count = 4'),
  (9, 'buy_again', 'rating_probability', '1', 0.9, '5 stars'),
  (10, 'buy_again', 'repeat_customer', '1', 0, 'customer_order_count = 1');
INSERT INTO orders (source, order_id, customer, ordered_at, amount, content_hash, run_id) VALUES
  ('o', 'F1', 'f', '2024-02-01T00:00:00Z', 10, 'h', 1),
  ('o', 'G0', 'g', '2023-11-01T00:00:00Z', 10, 'h', 1),
  ('o', 'H1', 'h', '2024-03-01T00:00:00Z', 10, 'h', 1);
)sql");
  pack_scores(*db);
  derive_estimates(*db);
  CHECK(estimate(*db, 6) == "1.00 orders"); // their own outcome comes first
  CHECK(estimate(*db, 7) == "0.00 orders");
  // Known: repeat 1 of 2, first-time 1 of 1, all 2 of 3; α = 10.
  CHECK(estimate(*db, 9) == "0.64 orders");  // (1 + 10·2/3) / (2 + 10), before the rating
  CHECK(estimate(*db, 10) == "0.70 orders"); // (1 + 10·2/3) / (1 + 10)
  CHECK(scores_text(*db, "SELECT evidence FROM scores WHERE analyzer = 'rebuy' AND metric = "
                         "'buy_again_probability' AND response_id = 9") ==
        "customer_order_count = 4; of 2 repeat customers whose outcome is known, 1 ordered again "
        "within 90 days (2 of 3 of all: 66.7 %); shrunk with 10 pseudo-responses: 0.64");

  derive_estimates(*db, {.order_count_shrinkage = 0}); // the groups' raw rates
  CHECK(estimate(*db, 9) == "0.50 orders");
  CHECK(estimate(*db, 10) == "1.00 orders");

  // No response with an order count has a known outcome: nothing to learn from.
  db->exec("DELETE FROM orders WHERE customer IN ('f', 'g', 'h')");
  derive_estimates(*db);
  CHECK(estimate(*db, 9) == "0.90 rating");
  CHECK(estimate(*db, 10) == "- none");
}

TEST_CASE("estimates: the store keeps its horizon, 90 days until set") {
  temp_db t;
  auto db = open_store(t.path);
  CHECK(stored_horizon_days(*db) == 90);
  store_horizon_days(*db, 30);
  CHECK(stored_horizon_days(*db) == 30);
  store_horizon_days(*db, 365);
  CHECK(stored_horizon_days(*db) == 365);
  CHECK_THROWS(store_horizon_days(*db, 0));
  CHECK_THROWS(store_horizon_days(*db, 5000));
  CHECK(stored_horizon_days(*db) == 365);
}
