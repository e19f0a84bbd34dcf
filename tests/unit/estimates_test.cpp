// rebuy's own estimates: observed repurchase from orders, and one probability per response.
#include "pipeline/estimates.hpp"
#include "store/store.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace rebuy::core;
namespace fs = std::filesystem;

namespace {

struct temp_db {
  fs::path path = fs::temp_directory_path() / ("rebuy-estimates-" + std::to_string(::getpid()) +
                                               "-" + std::to_string(++n) + ".db");
  static inline int n = 0;
  ~temp_db() {
    for (const char *suffix : {"", "-wal", "-shm"})
      fs::remove(path.string() + suffix);
  }
};

std::string text_of(sql::connection &db, const std::string &sql) {
  auto s = db.prepare(sql.c_str());
  return s.step() ? std::string(s.column_text(0)) : std::string("<none>");
}

// Responses 1-5 of customers a-e, all on 2024-01-10; scores and orders as the case needs.
void populate(sql::connection &db) {
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
}

std::string estimate(sql::connection &db, int id) {
  return text_of(
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
  CHECK(text_of(*db, "SELECT evidence FROM scores WHERE analyzer = 'rebuy' AND metric = "
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
