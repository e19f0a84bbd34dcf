// Tango and Dirichlet NPS intervals, and the margin of error. methods.md has
// no reference values for the first two, so these tests check properties that
// a wrong formula breaks (closed forms in limiting cases, exact coverage,
// symmetry, shrinking with n, agreement with adjusted Wald at large n) and
// cross-check each against an independent computation written out here.
#include "stats/nps.hpp"
#include "stats/nps_intervals.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>

namespace stats = rebuy::core::stats;

namespace {

constexpr double z95 = 1.959963984540054;

// Composite Simpson rule with `steps` (even) intervals.
double simpson(const std::function<double(double)> &f, double a, double b, int steps = 400) {
  if (b <= a) return 0;
  const double h = (b - a) / steps;
  double sum = f(a) + f(b);
  for (int i = 1; i < steps; ++i)
    sum += f(a + i * h) * (i % 2 ? 4 : 2);
  return sum * h / 3;
}

// P(NPS ≤ t) for Dirichlet(a_d, a_n, a_p) with integer parameters ≥ 1,
// computed without Boost: the density written out with lgamma, integrated
// over the region p − d ≤ t as a double integral (outer over the detractor
// share d, inner over the promoter share p — the library conditions the
// other way round), by Simpson's rule, split where the inner limit bends.
double independent_posterior_cdf(double a_d, double a_n, double a_p, double t) {
  const double log_norm =
      std::lgamma(a_d + a_n + a_p) - std::lgamma(a_d) - std::lgamma(a_n) - std::lgamma(a_p);
  const auto density = [&](double p, double d) {
    const double rest = std::max(0.0, 1 - p - d);
    return std::exp(log_norm) * std::pow(p, a_p - 1) * std::pow(d, a_d - 1) *
           std::pow(rest, a_n - 1);
  };
  const auto inner = [&](double d) {
    const double top = std::min(1 - d, d + t);
    return simpson([&](double p) { return density(p, d); }, 0, top);
  };
  const double from = std::max(0.0, -t), bend = (1 - t) / 2;
  return simpson(inner, from, bend) + simpson(inner, bend, 1);
}

// Tango's statistic with the constrained maximum-likelihood detractor share
// found numerically (golden-section search of the log-likelihood) instead of
// by the closed-form root the library uses.
double independent_tango_statistic(double x, double y, double n, double delta) {
  const double m = n - x - y;
  const auto log_likelihood = [&](double q) {
    double l = 0;
    if (x > 0) l += x * std::log(q + delta);
    if (y > 0) l += y * std::log(q);
    if (m > 0) l += m * std::log(1 - 2 * q - delta);
    return l;
  };
  double lo = std::max(0.0, -delta), hi = (1 - delta) / 2;
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  for (int i = 0; i < 200; ++i) {
    const double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
    if (log_likelihood(a) < log_likelihood(b))
      lo = a; // the maximum lies right of a
    else
      hi = b;
  }
  const double q = (lo + hi) / 2;
  return (x - y - n * delta) / std::sqrt(n * (2 * q + delta * (1 - delta)));
}

// The exact probability that `ci` covers the true NPS p − d for n answers,
// summing the multinomial probability of every outcome (no sampling).
// Outcomes less likely than 1e-7 are counted as not covered, which keeps
// the slower intervals fast and can only lower the result, by < 1e-5.
double coverage(const std::function<stats::interval(stats::nps_counts)> &ci, uint64_t n, double p,
                double d) {
  double covered = 0;
  for (uint64_t x = 0; x <= n; ++x)
    for (uint64_t y = 0; x + y <= n; ++y) {
      const uint64_t m = n - x - y;
      const double log_prob = std::lgamma(n + 1.0) - std::lgamma(x + 1.0) - std::lgamma(y + 1.0) -
                              std::lgamma(m + 1.0) + x * std::log(p) + y * std::log(d) +
                              m * std::log(1 - p - d);
      const double probability = std::exp(log_prob);
      if (probability > 1e-7 && ci({y, m, x}).contains(p - d)) covered += probability;
    }
  return covered;
}

stats::interval mirrored(stats::interval i) { return {-i.high, -i.low}; }

} // namespace

TEST_CASE("Tango interval: closed forms when everyone is in one class") {
  // All passives: the bounds are ±z²/(n + z²), Wilson's bound for 0 of n.
  const stats::interval passives = stats::nps_tango({0, 20, 0});
  CHECK(passives.high == doctest::Approx(z95 * z95 / (20 + z95 * z95)).epsilon(1e-9));
  CHECK(passives.low == doctest::Approx(-passives.high).epsilon(1e-9));
  // All promoters: [(n − z²)/(n + z²), 1], Wilson's n of n mapped to 2p − 1.
  const stats::interval promoters = stats::nps_tango({0, 0, 10});
  CHECK(promoters.low == doctest::Approx((10 - z95 * z95) / (10 + z95 * z95)).epsilon(1e-9));
  CHECK(promoters.high == 1);
  const stats::interval detractors = stats::nps_tango({10, 0, 0});
  CHECK(detractors.low == -1);
  CHECK(detractors.high == doctest::Approx(-promoters.low).epsilon(1e-9));
}

TEST_CASE("Tango interval: bounds solve the score equation, checked independently") {
  for (const stats::nps_counts c : {stats::nps_counts{1, 2, 3}, stats::nps_counts{3, 5, 12},
                                    stats::nps_counts{15, 25, 60}, stats::nps_counts{7, 0, 2}}) {
    CAPTURE(c.detractors);
    CAPTURE(c.passives);
    CAPTURE(c.promoters);
    const stats::interval ci = stats::nps_tango(c);
    const double x = c.promoters, y = c.detractors, n = c.n();
    CHECK(independent_tango_statistic(x, y, n, ci.low) == doctest::Approx(z95).epsilon(1e-6));
    CHECK(independent_tango_statistic(x, y, n, ci.high) == doctest::Approx(-z95).epsilon(1e-6));
    CHECK(ci.contains(stats::nps_score(c)));
    CHECK(ci.low >= -1);
    CHECK(ci.high <= 1);
  }
}

TEST_CASE("Tango interval: symmetric, narrower with more answers, close to adjusted Wald") {
  const stats::interval a = stats::nps_tango({3, 5, 12});
  const stats::interval b = stats::nps_tango({12, 5, 3});
  CHECK(b.low == doctest::Approx(mirrored(a).low).epsilon(1e-12));
  CHECK(b.high == doctest::Approx(mirrored(a).high).epsilon(1e-12));
  const stats::interval even = stats::nps_tango({4, 2, 4});
  CHECK(even.low == doctest::Approx(-even.high).epsilon(1e-12));

  double previous = 2;
  for (uint64_t k : {1, 4, 16, 64}) {
    const double width = stats::nps_tango({3 * k, 5 * k, 12 * k}).half_width();
    CHECK(width < previous);
    previous = width;
  }
  // At n = 10 000 both intervals are the same to within 0.001.
  const stats::nps_counts large{1500, 2500, 6000};
  const stats::interval tango = stats::nps_tango(large);
  const stats::interval wald = stats::nps_adjusted_wald(large).ci;
  CHECK(std::fabs(tango.low - wald.low) < 1e-3);
  CHECK(std::fabs(tango.high - wald.high) < 1e-3);
}

TEST_CASE("Tango interval: exact coverage near 95 percent where Wald falls short") {
  const auto tango = [](stats::nps_counts c) { return stats::nps_tango(c); };
  const auto wald = [](stats::nps_counts c) { return stats::nps_wald(c); };
  for (const auto &[p, d] : {std::pair{0.5, 0.2}, std::pair{0.3, 0.3}, std::pair{0.6, 0.05}}) {
    CAPTURE(p);
    CAPTURE(d);
    const double c = coverage(tango, 20, p, d);
    CHECK(c > 0.93);
    CHECK(c < 0.98);
  }
  // Many promoters, few answers: Wald's interval collapses too often.
  CHECK(coverage(tango, 20, 0.85, 0.03) > 0.93);
  CHECK(coverage(wald, 20, 0.85, 0.03) < 0.88);
}

TEST_CASE("Tango interval: empty sample and bad confidence") {
  const stats::interval none = stats::nps_tango({});
  CHECK(none.low == -1);
  CHECK(none.high == 1);
  CHECK_THROWS_AS(stats::nps_tango({1, 2, 3}, 1.0), std::invalid_argument);
  // A lower confidence gives a narrower interval.
  CHECK(stats::nps_tango({3, 5, 12}, 0.9).half_width() <
        stats::nps_tango({3, 5, 12}, 0.95).half_width());
}

TEST_CASE("Dirichlet posterior: the uniform simplex gives a triangular NPS") {
  // No answers and a uniform prior: (p, d) uniform on the simplex, so p − d
  // has the density 1 − |t| on [−1, 1] and P(NPS ≤ t) = (1 + t)²/2 for t ≤ 0.
  const stats::dirichlet_prior uniform{1, 1, 1};
  for (double t : {-0.9, -0.5, -0.1, 0.0, 0.3, 0.8}) {
    CAPTURE(t);
    const double expected = t <= 0 ? (1 + t) * (1 + t) / 2 : 1 - (1 - t) * (1 - t) / 2;
    CHECK(stats::nps_posterior_cdf({}, t, uniform) == doctest::Approx(expected).epsilon(1e-9));
  }
  CHECK(stats::nps_posterior_cdf({}, -1, uniform) == 0);
  CHECK(stats::nps_posterior_cdf({}, 1, uniform) == 1);
}

TEST_CASE("Dirichlet posterior: agrees with an independent double integral") {
  // Counts (1, 2, 3) with the uniform prior: Dirichlet(2, 3, 4).
  const stats::nps_counts c{1, 2, 3};
  const stats::dirichlet_prior uniform{1, 1, 1};
  for (double t : {-0.6, -0.2, 0.0, 0.25, 0.7}) {
    CAPTURE(t);
    CHECK(stats::nps_posterior_cdf(c, t, uniform) ==
          doctest::Approx(independent_posterior_cdf(2, 3, 4, t)).epsilon(1e-7));
  }
  const stats::interval ci = stats::nps_dirichlet(c, 0.95, uniform);
  CHECK(independent_posterior_cdf(2, 3, 4, ci.low) == doctest::Approx(0.025).epsilon(1e-6));
  CHECK(independent_posterior_cdf(2, 3, 4, ci.high) == doctest::Approx(0.975).epsilon(1e-6));
}

TEST_CASE("Dirichlet interval: properties") {
  const stats::interval a = stats::nps_dirichlet({3, 5, 12});
  const stats::interval b = stats::nps_dirichlet({12, 5, 3});
  CHECK(b.low == doctest::Approx(mirrored(a).low).epsilon(1e-8));
  CHECK(b.high == doctest::Approx(mirrored(a).high).epsilon(1e-8));
  CHECK(a.contains(0.45));
  const stats::interval even = stats::nps_dirichlet({5, 2, 5});
  CHECK(even.low == doctest::Approx(-even.high).epsilon(1e-8));

  // Everyone a promoter: the interval stays inside [−1, 1] and below 1.
  const stats::interval all = stats::nps_dirichlet({0, 0, 10});
  CHECK(all.low > 0);
  CHECK(all.high < 1);
  CHECK(all.high > 0.95);

  CHECK(stats::nps_dirichlet({12, 20, 48}).half_width() < a.half_width());
  const stats::nps_counts large{1500, 2500, 6000};
  const stats::interval posterior = stats::nps_dirichlet(large);
  const stats::interval wald = stats::nps_adjusted_wald(large).ci;
  CHECK(std::fabs(posterior.low - wald.low) < 1e-3);
  CHECK(std::fabs(posterior.high - wald.high) < 1e-3);

  // No promoters at all, n = 500: the promoter share's density is a spike
  // against 0 with a long tail; the interval still matches Tango's closely.
  const stats::interval skewed = stats::nps_dirichlet({200, 300, 0});
  const stats::interval tango = stats::nps_tango({200, 300, 0});
  CHECK(std::fabs(skewed.low - tango.low) < 3e-3);
  CHECK(std::fabs(skewed.high - tango.high) < 3e-3);
  const stats::interval mirror = stats::nps_dirichlet({0, 300, 200});
  CHECK(mirror.low == doctest::Approx(-skewed.high).epsilon(1e-8));
}

TEST_CASE("Dirichlet interval: exact coverage near 95 percent") {
  const auto posterior = [](stats::nps_counts c) { return stats::nps_dirichlet(c); };
  for (const auto &[p, d] : {std::pair{0.5, 0.2}, std::pair{0.85, 0.03}}) {
    CAPTURE(p);
    CAPTURE(d);
    const double c = coverage(posterior, 10, p, d);
    CHECK(c > 0.93);
    CHECK(c < 0.99);
  }
}

TEST_CASE("Dirichlet interval: empty sample and bad arguments") {
  const stats::interval none = stats::nps_dirichlet({});
  CHECK(none.low == -1);
  CHECK(none.high == 1);
  CHECK_THROWS_AS(stats::nps_dirichlet({1, 2, 3}, 0), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_dirichlet({1, 2, 3}, 0.95, {0, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_posterior_cdf({1, 2, 3}, 0, {1, -1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_posterior_cdf({1, 2, 3}, std::nan("")), std::invalid_argument);
}

TEST_CASE("margin of error is the inverse of the sample size") {
  // methods.md: with V = 0.6, ±5 points needs about 919 responses, ±10 about 228.
  CHECK(stats::nps_margin_of_error(0.6, 919) <= 0.05);
  CHECK(stats::nps_margin_of_error(0.6, 918) > 0.05);
  CHECK(stats::nps_margin_of_error(0.6, 228) <= 0.10);
  CHECK(stats::nps_margin_of_error(0.6, 227) > 0.10);
  const double n = stats::nps_sample_size(0.6, 0.05);
  CHECK(stats::nps_margin_of_error(0.6, n) == doctest::Approx(0.05).epsilon(1e-12));
  // It is the half-width of the adjusted Wald interval before clamping.
  const stats::nps_counts c{15, 25, 60};
  const double adjusted_variance = (60.75 + 15.75) / 103 - (45.0 / 103) * (45.0 / 103);
  CHECK(stats::nps_margin_of_error(adjusted_variance, 100) ==
        doctest::Approx(stats::nps_adjusted_wald(c).ci.half_width()).epsilon(1e-12));
  CHECK_THROWS_AS(stats::nps_margin_of_error(1.2, 100), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_margin_of_error(0.6, -1), std::invalid_argument);
}

TEST_CASE("the multinomial SE is wider than two independent binomials (methods.md ref)") {
  // n = 1000, P = 250, D = 75: correct SE 0.01716; treating promoters and
  // detractors as independent binomials gives the too-narrow 0.01603.
  const stats::nps_counts c{75, 675, 250};
  const double p = 0.25, d = 0.075;
  const double independent = std::sqrt((p * (1 - p) + d * (1 - d)) / 1000);
  CHECK(std::round(independent * 1e5) / 1e5 == doctest::Approx(0.01603));
  CHECK(std::round(stats::nps_adjusted_wald(c).se * 1e5) / 1e5 == doctest::Approx(0.01716));
}
