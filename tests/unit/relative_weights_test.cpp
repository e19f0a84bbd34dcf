#include "stats/relative_weights.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace stats = rebuy::core::stats;

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// Rows of two predictors and an outcome, as relative_weights takes them.
struct table {
  std::vector<double> x, y;
  void add(double x1, double x2, double out) {
    x.push_back(x1);
    x.push_back(x2);
    y.push_back(out);
  }
};

double correlation(const std::vector<double> &a, const std::vector<double> &b) {
  double n = static_cast<double>(a.size()), ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    ma += a[i] / n;
    mb += b[i] / n;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
    sab += (a[i] - ma) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

// Ratings that move together, and an outcome that follows the first more than the second.
table correlated_ratings() {
  table t;
  for (int i = 0; i < 60; ++i) {
    double quality = 1 + i % 5, price = 1 + (i * 3 + i / 5) % 5;
    double service = std::round((quality + price) / 2 + ((i * 7) % 3 - 1) * 0.5);
    t.add(quality, service, 0.6 * quality + 0.2 * service + ((i * 11) % 5 - 2) * 0.3);
  }
  return t;
}

} // namespace

TEST_CASE("eigen_symmetric: the eigenvectors are orthonormal and rebuild the matrix") {
  const std::vector<double> a = {4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1};
  auto e = stats::eigen_symmetric(a, 3);
  for (size_t i = 0; i < 3; ++i)
    for (size_t j = 0; j < 3; ++j) {
      double rebuilt = 0, dot = 0;
      for (size_t k = 0; k < 3; ++k) {
        rebuilt += e.vectors[i * 3 + k] * e.values[k] * e.vectors[j * 3 + k];
        dot += e.vectors[k * 3 + i] * e.vectors[k * 3 + j];
      }
      CHECK(rebuilt == doctest::Approx(a[i * 3 + j]).epsilon(1e-12));
      CHECK(dot == doctest::Approx(i == j ? 1.0 : 0.0).epsilon(1e-12));
    }
  CHECK(e.values[0] + e.values[1] + e.values[2] == doctest::Approx(8.0));
}

TEST_CASE("relative_weights: uncorrelated predictors get their squared correlations") {
  table t;
  for (int i = 0; i < 40; ++i) {
    double a = i % 2 ? 1 : -1, b = (i / 2) % 2 ? 1 : -1; // orthogonal, mean 0
    t.add(a, b, 2 * a + b);
  }
  auto fit = stats::relative_weights(t.x, 2, t.y);
  CHECK(fit.rows == 40);
  CHECK(fit.r_squared == doctest::Approx(1.0));
  CHECK(fit.weights[0] == doctest::Approx(0.8));
  CHECK(fit.weights[1] == doctest::Approx(0.2));
}

TEST_CASE("relative_weights: correlated predictors share the regression's R², none negative") {
  table t = correlated_ratings();
  std::vector<double> x1, x2;
  for (size_t r = 0; r < t.y.size(); ++r) {
    x1.push_back(t.x[2 * r]);
    x2.push_back(t.x[2 * r + 1]);
  }
  double r1 = correlation(x1, t.y), r2 = correlation(x2, t.y), r12 = correlation(x1, x2);
  REQUIRE(std::abs(r12) > 0.3); // the case worth testing
  double ols = (r1 * r1 + r2 * r2 - 2 * r1 * r2 * r12) / (1 - r12 * r12);

  auto fit = stats::relative_weights(t.x, 2, t.y);
  CHECK(fit.r_squared == doctest::Approx(ols).epsilon(1e-9));
  CHECK(fit.weights[0] + fit.weights[1] == doctest::Approx(ols).epsilon(1e-9));
  CHECK(fit.weights[0] > fit.weights[1]);
  CHECK(fit.weights[1] > 0);
}

TEST_CASE("relative_weights: a rating given twice splits its weight evenly") {
  table t;
  for (int i = 0; i < 30; ++i) {
    double a = 1 + i % 5;
    t.add(a, a, a + (i % 3) * 0.5);
  }
  auto fit = stats::relative_weights(t.x, 2, t.y);
  CHECK(fit.weights[0] == doctest::Approx(fit.weights[1]));
  std::vector<double> rating;
  for (size_t r = 0; r < t.y.size(); ++r)
    rating.push_back(t.x[2 * r]);
  double r = correlation(rating, t.y);
  CHECK(fit.r_squared == doctest::Approx(r * r));
}

TEST_CASE("relative_weights: missing ratings count pairwise, rows without the outcome not at all") {
  table full = correlated_ratings(), gaps = full;
  for (size_t r = 0; r < gaps.y.size(); r += 7)
    gaps.x[2 * r + 1] = missing; // the second rating skipped now and then
  gaps.add(missing, missing, 3); // no rating at all
  gaps.add(4, 4, missing);       // no outcome
  auto fit = stats::relative_weights(gaps.x, 2, gaps.y);
  CHECK(fit.rows == full.y.size());
  auto reference = stats::relative_weights(full.x, 2, full.y);
  CHECK(fit.weights[0] == doctest::Approx(reference.weights[0]).epsilon(0.15));
  CHECK(fit.weights[1] >= 0);

  table constant = full;
  for (size_t r = 0; r < constant.y.size(); ++r)
    constant.x[2 * r + 1] = 3; // no variance: nothing to explain with
  auto flat = stats::relative_weights(constant.x, 2, constant.y);
  CHECK(flat.weights[1] == doctest::Approx(0.0));
  CHECK(flat.weights[0] == doctest::Approx(flat.r_squared));
}

TEST_CASE("relative_weights: too few rows give no weights, and sizes must agree") {
  table t;
  t.add(1, 2, 3);
  t.add(2, 1, 3);
  auto fit = stats::relative_weights(t.x, 2, t.y);
  CHECK(fit.r_squared == 0);
  CHECK(fit.weights == std::vector<double>{0, 0});
  std::vector<double> three = {1, 2, 3};
  CHECK_THROWS_AS(stats::relative_weights(three, 2, t.y), std::invalid_argument);
}

TEST_CASE("relative_weight_intervals: the same data and seed give the same intervals") {
  table t = correlated_ratings();
  auto fit = stats::relative_weights(t.x, 2, t.y);
  auto a = stats::relative_weight_intervals(t.x, 2, t.y, 200, 0.95, 7);
  auto b = stats::relative_weight_intervals(t.x, 2, t.y, 200, 0.95, 7);
  REQUIRE(a.size() == 2);
  for (size_t j = 0; j < 2; ++j) {
    CHECK(a[j].low == b[j].low);
    CHECK(a[j].high == b[j].high);
    CHECK(a[j].low <= fit.weights[j]);
    CHECK(fit.weights[j] <= a[j].high);
    CHECK(a[j].low >= 0);
  }
  auto narrow = stats::relative_weight_intervals(t.x, 2, t.y, 200, 0.5, 7);
  CHECK(narrow[0].high - narrow[0].low < a[0].high - a[0].low);
}

TEST_CASE("relative_weight_intervals: a weight near its floor of zero lies inside its interval") {
  // y follows a; b is unrelated noise, so its resampled weights all lean above its estimate.
  table t;
  uint64_t state = 12345;
  auto noise = [&state] { // a fixed LCG: the same rows on every platform
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 40) / static_cast<double>(1ull << 24) - 0.5;
  };
  for (int i = 0; i < 200; ++i) {
    const double a = i % 5;
    t.add(a, std::floor(5 * (noise() + 0.5)), a + noise());
  }
  auto fit = stats::relative_weights(t.x, 2, t.y);
  REQUIRE(fit.weights[1] < 0.01);
  auto ci = stats::relative_weight_intervals(t.x, 2, t.y, 200, 0.95, 3);
  for (size_t j = 0; j < 2; ++j) {
    CHECK(ci[j].low <= fit.weights[j]);
    CHECK(fit.weights[j] <= ci[j].high);
  }
  CHECK(ci[1].high < 0.05);
}
