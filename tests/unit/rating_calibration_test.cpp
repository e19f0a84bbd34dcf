// Ratings read on the store's own pairs of ratings and answers or orders.
#include "pipeline/estimates.hpp"
#include "pipeline/rating_calibration.hpp"
#include "store/store.hpp"

#include "score_table.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace rebuy::core;
using namespace rebuy::test;

namespace {

// The buy_again analyzer's default reading of n stars out of 5.
double fallback(int stars) {
  constexpr double by_stars[] = {0.05, 0.12, 0.35, 0.65, 0.80};
  return by_stars[stars - 1];
}

struct rated_store {
  temp_db t;
  std::unique_ptr<sql::connection> db = open_store(t.path);
  int64_t next_id = 1;

  rated_store() {
    create_score_table(*db);
    db->exec("INSERT INTO import_runs (id, file, importer, importer_version, source, started_at, "
             "status) VALUES (1, 'f', 'x', '1', 's', '2024-01-01T00:00:00Z', 'done')");
  }
  int64_t add(int stars) {
    const int64_t id = next_id++;
    db->exec(fmt::format("INSERT INTO responses (id, source, key, key_hash, content_hash, kind, "
                         "run_id, rating, rating_max) VALUES ({0}, 's', '{0}', {0}, 'h', "
                         "'survey', 1, {1}, 5)",
                         id, stars)
                 .c_str());
    return id;
  }
  // `n` responses at `stars` that answered, `yes` of them in the top two boxes.
  void answered(int stars, int n, int yes) {
    for (int i = 0; i < n; ++i) {
      const int64_t id = add(stars);
      add_score(*db, id, "buy_again", "buy_again_top2_box", i < yes ? 1 : 0);
      add_score(*db, id, "buy_again", "answer_probability", i < yes ? 0.27 : 0.03);
    }
  }
  // A response with only its rating, as the analyzer reads it.
  int64_t rated(int stars) {
    const int64_t id = add(stars);
    add_score(*db, id, "buy_again", "rating_probability", fallback(stars), "",
              fmt::format("proxy: stars = {} of 5", stars));
    return id;
  }
  // After unpack_scores: a response's estimate.
  double probability(int64_t id) {
    auto s = db->prepare("SELECT value FROM scores WHERE analyzer = 'rebuy' AND metric = "
                         "'buy_again_probability' AND response_id = ?1");
    s.bind(1, id);
    return s.step() ? s.column_double(0) : NAN;
  }
};

} // namespace

TEST_CASE("rating calibration: answers at each rating, shrunk toward the default") {
  rated_store s;
  s.answered(5, 40, 38);
  s.answered(4, 40, 34);
  s.answered(3, 30, 18);
  const int64_t three = s.rated(3), four = s.rated(4), one = s.rated(1);
  pack_scores(*s.db);
  const rating_calibration c = fit_rating_calibration(*s.db, 10);
  CHECK(c.basis == "answers");
  CHECK(c.pairs == 110);
  REQUIRE(c.steps.size() == 2); // 3★ and 4★ have rating-only responses; 5★ and 1★ no pairs
  CHECK(c.steps[0].rating == "3 of 5");
  CHECK(c.steps[0].observed == doctest::Approx(0.6));
  CHECK(c.steps[0].calibrated == doctest::Approx((18 + 10 * 0.35) / 40));
  CHECK(c.steps[1].calibrated == doctest::Approx((34 + 10 * 0.65) / 50));
  // Applied to the responses with only a rating; a rating no pair has keeps its reading.
  derive_estimates(*s.db);
  unpack_scores(*s.db);
  CHECK(s.probability(three) == doctest::Approx(21.5 / 40));
  CHECK(s.probability(four) == doctest::Approx(40.5 / 50));
  CHECK(s.probability(one) == doctest::Approx(0.05));
  auto kept = stored_rating_calibration(*s.db);
  REQUIRE(kept);
  CHECK(kept->basis == "answers");
  CHECK(kept->steps.size() == 2);
  CHECK(kept->steps[0].calibrated == doctest::Approx(c.steps[0].calibrated));
}

TEST_CASE("rating calibration: monotone in the rating, and not below 30 pairs") {
  rated_store s;
  // Noisy pairs: 2★ customers said yes more often than 3★ ones.
  s.answered(2, 20, 14);
  s.answered(3, 20, 6);
  s.rated(2), s.rated(3);
  pack_scores(*s.db);
  const rating_calibration c = fit_rating_calibration(*s.db, 10);
  REQUIRE(c.steps.size() == 2);
  // Pooled: (14 + 1.2 + 6 + 3.5) / 60 for both.
  CHECK(c.steps[0].calibrated == doctest::Approx(24.7 / 60));
  CHECK(c.steps[1].calibrated == doctest::Approx(24.7 / 60));

  rated_store few;
  few.answered(4, 29, 29);
  few.rated(4);
  pack_scores(*few.db);
  const rating_calibration none = fit_rating_calibration(*few.db, 10);
  CHECK_FALSE(none.fitted());
  CHECK(none.other_pairs == 29);
  CHECK(none.steps.empty());
}

TEST_CASE("rating calibration: observed orders come before answers") {
  rated_store s;
  s.answered(4, 40, 40);
  for (int i = 0; i < 30; ++i) {
    const int64_t id = s.add(4);
    add_score(*s.db, id, "rebuy", "ordered_again", i < 9 ? 1 : 0);
  }
  s.rated(4);
  pack_scores(*s.db);
  const rating_calibration c = fit_rating_calibration(*s.db, 10);
  CHECK(c.basis == "orders");
  CHECK(c.pairs == 30);
  CHECK(c.other_pairs == 40);
  REQUIRE(c.steps.size() == 1);
  CHECK(c.steps[0].calibrated == doctest::Approx((9 + 6.5) / 40));
}
