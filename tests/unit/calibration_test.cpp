// Calibration of stated intent against later orders: shrunk per-level rates,
// isotonic regression, Brier score, log-loss and the reliability table. The
// scikit-learn values are the examples of its own documentation.
#include "stats/calibration.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace stats = rebuy::core::stats;

TEST_CASE("shrunk per-level rates: (y_k + alpha m)/(n_k + alpha)") {
  // 50 of 100 ordered again overall, m = 0.5.
  const std::vector<stats::level_outcomes> levels{{10, 1}, {20, 6}, {30, 15}, {40, 28}, {0, 0}};
  const std::vector<double> r = stats::shrunk_rates(levels, 10);
  REQUIRE(r.size() == 5);
  CHECK(r[0] == doctest::Approx(6.0 / 20));
  CHECK(r[1] == doctest::Approx(11.0 / 30));
  CHECK(r[2] == doctest::Approx(0.5));
  CHECK(r[3] == doctest::Approx(33.0 / 50));
  CHECK(r[4] == doctest::Approx(0.5)); // no responses: the overall rate
  const std::vector<double> raw = stats::shrunk_rates(levels, 0);
  CHECK(raw[0] == doctest::Approx(0.1));
  CHECK(std::isnan(raw[4]));
  const std::vector<stats::level_outcomes> empty{{0, 0}, {0, 0}};
  CHECK(std::isnan(stats::shrunk_rates(empty, 5)[0]));
  const std::vector<stats::level_outcomes> bad{{3, 4}};
  CHECK_THROWS_AS(stats::shrunk_rates(bad, 1), std::invalid_argument);
  CHECK_THROWS_AS(stats::shrunk_rates(levels, -1), std::invalid_argument);
}

TEST_CASE("isotonic regression pools adjacent violators") {
  const std::vector<double> ones{1, 1, 1, 1};
  CHECK(stats::isotonic_regression(std::vector<double>{1, 3, 2, 4}, ones) ==
        std::vector<double>{1, 2.5, 2.5, 4});
  // Weighted: (3·1 + 2·3)/4.
  CHECK(stats::isotonic_regression(std::vector<double>{1, 3, 2, 4},
                                   std::vector<double>{1, 1, 3, 1}) ==
        std::vector<double>{1, 2.25, 2.25, 4});
  // A merged block can undercut the block before it: merge again.
  CHECK(stats::isotonic_regression(std::vector<double>{5, 1, 1, 1}, ones) ==
        std::vector<double>{2, 2, 2, 2});
  CHECK(stats::isotonic_regression(std::vector<double>{0, 1, 1, 3}, ones) ==
        std::vector<double>{0, 1, 1, 3});
  CHECK(stats::isotonic_regression({}, {}).empty());
  CHECK_THROWS_AS(stats::isotonic_regression(std::vector<double>{1, 2}, std::vector<double>{1, 0}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::isotonic_regression(std::vector<double>{1, 2}, std::vector<double>{1}),
                  std::invalid_argument);
}

TEST_CASE("isotonic per-level rates skip levels without responses") {
  // Weakest to strongest intent: raw 0.2, none, 0.1, 0.5 → 0.15, NaN, 0.15, 0.5.
  const std::vector<stats::level_outcomes> levels{{10, 2}, {0, 0}, {10, 1}, {20, 10}};
  const std::vector<double> r = stats::isotonic_rates(levels);
  REQUIRE(r.size() == 4);
  CHECK(r[0] == doctest::Approx(0.15));
  CHECK(std::isnan(r[1]));
  CHECK(r[2] == doctest::Approx(0.15));
  CHECK(r[3] == doctest::Approx(0.5));
}

TEST_CASE("Brier score and log-loss: scikit-learn documentation examples") {
  // brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) = 0.0375
  const std::vector<int> outcomes{0, 1, 1, 0};
  CHECK(stats::brier_score(std::vector<double>{0.1, 0.9, 0.8, 0.3}, outcomes) ==
        doctest::Approx(0.0375));
  // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]])
  // = 0.21616...: the probability of "spam" is .9, .1, .2, .65.
  const std::vector<int> spam{1, 0, 0, 1};
  CHECK(stats::log_loss(std::vector<double>{0.9, 0.1, 0.2, 0.65}, spam) ==
        doctest::Approx(0.2161618747).epsilon(1e-9));
  // A certain forecast that is wrong costs −ln ε, not infinity.
  CHECK(stats::log_loss(std::vector<double>{0}, std::vector<int>{1}) ==
        doctest::Approx(36.0436533891).epsilon(1e-9));
  CHECK(stats::log_loss(std::vector<double>{1}, std::vector<int>{1}) < 1e-15);
  CHECK(std::isnan(stats::brier_score({}, {})));
  CHECK(std::isnan(stats::log_loss({}, {})));
  CHECK_THROWS_AS(stats::brier_score(std::vector<double>{0.5}, std::vector<int>{2}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::brier_score(std::vector<double>{1.5}, std::vector<int>{1}),
                  std::invalid_argument);
  CHECK_THROWS_AS(stats::log_loss(std::vector<double>{0.5, 0.5}, std::vector<int>{1}),
                  std::invalid_argument);
}

TEST_CASE("reliability table: scikit-learn documentation example") {
  // calibration_curve(y_true, y_pred, n_bins=3) → prob_true [0, 0.5, 1],
  // prob_pred [0.2, 0.525, 0.85].
  const std::vector<int> y{0, 0, 0, 0, 1, 1, 1, 1, 1};
  const std::vector<double> f{0.1, 0.2, 0.3, 0.4, 0.65, 0.7, 0.8, 0.9, 1.0};
  const auto table = stats::reliability_table(f, y, 3);
  REQUIRE(table.size() == 3);
  CHECK(table[0].observed_rate == doctest::Approx(0));
  CHECK(table[1].observed_rate == doctest::Approx(0.5));
  CHECK(table[2].observed_rate == doctest::Approx(1));
  CHECK(table[0].mean_forecast == doctest::Approx(0.2));
  CHECK(table[1].mean_forecast == doctest::Approx(0.525));
  CHECK(table[2].mean_forecast == doctest::Approx(0.85));
  CHECK(table[0].count == 3);
  CHECK(table[1].count == 2);
  CHECK(table[2].count == 4);
}

TEST_CASE("reliability table: five bins closed on the right, empty bins dropped") {
  // Inner edges 0.2, 0.4, 0.6, 0.8. A forecast on an edge belongs to the bin
  // below it; nothing falls in (0.4, 0.6], so that bin is left out.
  const std::vector<double> f{0.0, 0.2, 0.2000001, 0.4, 0.8, 0.81, 1.0};
  const std::vector<int> y{0, 0, 1, 0, 1, 0, 1};
  const auto table = stats::reliability_table(f, y);
  REQUIRE(table.size() == 4);
  CHECK(table[0].count == 2); // 0, 0.2
  CHECK(table[0].mean_forecast == doctest::Approx(0.1));
  CHECK(table[0].observed_rate == 0);
  CHECK(table[1].count == 2); // 0.2000001, 0.4
  CHECK(table[1].observed_rate == doctest::Approx(0.5));
  CHECK(table[2].count == 1); // 0.8
  CHECK(table[2].mean_forecast == doctest::Approx(0.8));
  CHECK(table[2].observed_rate == 1);
  CHECK(table[3].count == 2); // 0.81, 1.0
  CHECK(table[3].mean_forecast == doctest::Approx(0.905));
  CHECK(table[3].observed_rate == doctest::Approx(0.5));

  CHECK(stats::reliability_table({}, {}).empty());
  CHECK_THROWS_AS(stats::reliability_table(f, y, 0), std::invalid_argument);
  CHECK_THROWS_AS(stats::reliability_table(std::vector<double>{-0.1}, std::vector<int>{0}),
                  std::invalid_argument);
}
