// Expected repurchase probability from 5-point intent boxes and its presets
// (methods.md: 0.81/0.27/0.09/0.03/0.01 and 0.75/0.25/0/0/0).
#include "stats/repurchase.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

namespace stats = rebuy::core::stats;

TEST_CASE("the two published weight presets, top box first") {
  CHECK(stats::thirds_weights == stats::box_weights{0.81, 0.27, 0.09, 0.03, 0.01});
  CHECK(stats::top2_weights == stats::box_weights{0.75, 0.25, 0, 0, 0});
  REQUIRE(stats::weight_preset("thirds"));
  CHECK(*stats::weight_preset("thirds") == stats::thirds_weights);
  REQUIRE(stats::weight_preset("top2"));
  CHECK(*stats::weight_preset("top2") == stats::top2_weights);
  CHECK_FALSE(stats::weight_preset("Thirds"));
  CHECK_FALSE(stats::weight_preset(""));
  CHECK_NOTHROW(stats::check_weights(stats::thirds_weights));
  CHECK_NOTHROW(stats::check_weights(stats::top2_weights));
}

TEST_CASE("expected repurchase rate: hand-computed") {
  // 10/20/30/20/20 respondents from top to bottom box:
  // thirds: (8.1 + 5.4 + 2.7 + 0.6 + 0.2)/100 = 0.17; top2: (7.5 + 5)/100.
  const stats::box_counts counts{10, 20, 30, 20, 20};
  const auto thirds = stats::expected_repurchase(counts, stats::thirds_weights);
  CHECK(thirds.rate == doctest::Approx(0.17));
  CHECK(thirds.n == 100);
  // sqrt(Σ n_k (w_k − 0.17)² / 100²)
  CHECK(thirds.se == doctest::Approx(0.0232206804).epsilon(1e-8));
  CHECK(stats::expected_repurchase(counts, stats::top2_weights).rate == doctest::Approx(0.125));

  // Everyone in the top box: the rate is its weight, with no sampling error.
  const auto top = stats::expected_repurchase({50, 0, 0, 0, 0}, stats::top2_weights);
  CHECK(top.rate == doctest::Approx(0.75));
  CHECK(top.se == 0);
}

TEST_CASE("expected repurchase rate: no answers and bad weights") {
  const auto none = stats::expected_repurchase({}, stats::thirds_weights);
  CHECK(std::isnan(none.rate));
  CHECK(std::isnan(none.se));
  CHECK(none.n == 0);
  CHECK_THROWS_AS(stats::check_weights({0.5, 0.6, 0.1, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(stats::check_weights({1.2, 0.6, 0.1, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(stats::check_weights({0.9, 0.6, 0.1, 0, -0.1}), std::invalid_argument);
  CHECK_THROWS_AS(stats::check_weights({std::nan(""), 0.6, 0.1, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(stats::expected_repurchase({1, 1, 1, 1, 1}, {0, 0, 0, 0, 1}),
                  std::invalid_argument);
}
