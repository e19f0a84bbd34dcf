// Pins the reference numbers of /work/shared/design/methods.md ("ref" values
// were computed independently of this project).
#include "stats/normal.hpp"
#include "stats/nps.hpp"
#include "stats/proportion.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace stats = rebuy::core::stats;

namespace {

// methods.md gives four decimals: compare at exactly that precision.
double round4(double x) { return std::round(x * 1e4) / 1e4; }

stats::nps_counts counts(uint64_t d, uint64_t n, uint64_t p) { return {d, n, p}; }

struct reference_row {
  stats::nps_counts counts;
  double nps, se;
  stats::interval wald, adjusted;
};

const std::array<reference_row, 3> reference_table{{
    {{1, 2, 3}, 0.3333, 0.3043, {-0.2631, 0.9297}, {-0.2674, 0.7119}},
    {{3, 5, 12}, 0.4500, 0.1655, {0.1257, 0.7743}, {0.0843, 0.6983}},
    {{15, 25, 60}, 0.4500, 0.0740, {0.3050, 0.5950}, {0.2934, 0.5804}},
}};

} // namespace

TEST_CASE("z for a confidence level comes from the normal quantile") {
  CHECK(stats::z_for_confidence(0.95) == doctest::Approx(1.959963984540054).epsilon(1e-12));
  CHECK(stats::z_for_confidence(0.90) == doctest::Approx(1.6448536269514722).epsilon(1e-12));
  CHECK(stats::z_for_confidence(0.99) == doctest::Approx(2.5758293035489004).epsilon(1e-12));
  CHECK_THROWS_AS(stats::z_for_confidence(0), std::invalid_argument);
  CHECK_THROWS_AS(stats::z_for_confidence(1), std::invalid_argument);
  CHECK_THROWS_AS(stats::z_for_confidence(95), std::invalid_argument);
  CHECK_THROWS_AS(stats::z_for_confidence(std::nan("")), std::invalid_argument);
}

TEST_CASE("two-sided p-values of the standard normal") {
  CHECK(stats::two_sided_p_value(0) == doctest::Approx(1));
  CHECK(stats::two_sided_p_value(1.959963984540054) == doctest::Approx(0.05));
  CHECK(stats::two_sided_p_value(-1.959963984540054) == doctest::Approx(0.05));
  CHECK(stats::two_sided_p_value(INFINITY) == 0);
  CHECK(std::isnan(stats::two_sided_p_value(std::nan(""))));
}

TEST_CASE("NPS reference table: score SE Wald and adjusted Wald at 95 percent") {
  for (const auto &row : reference_table) {
    CAPTURE(row.counts.detractors);
    CAPTURE(row.counts.passives);
    CAPTURE(row.counts.promoters);
    CHECK(round4(stats::nps_score(row.counts)) == doctest::Approx(row.nps));
    const stats::interval wald = stats::nps_wald(row.counts);
    CHECK(round4(wald.low) == doctest::Approx(row.wald.low));
    CHECK(round4(wald.high) == doctest::Approx(row.wald.high));
    const stats::nps_estimate e = stats::nps_adjusted_wald(row.counts);
    CHECK(round4(e.score) == doctest::Approx(row.nps));
    CHECK(round4(e.se) == doctest::Approx(row.se));
    CHECK(round4(e.ci.low) == doctest::Approx(row.adjusted.low));
    CHECK(round4(e.ci.high) == doctest::Approx(row.adjusted.high));
    CHECK(e.n == row.counts.n());
  }
}

TEST_CASE("NPS of the answers 0 7 7 9 9 9 is one third") {
  const std::vector<int> answers{0, 7, 7, 9, 9, 9};
  const stats::nps_counts c = stats::nps_tally(answers);
  CHECK(c.detractors == 1);
  CHECK(c.passives == 2);
  CHECK(c.promoters == 3);
  CHECK(stats::nps_score(c) == doctest::Approx(1.0 / 3));
}

TEST_CASE("tallying uses the standard cut-offs and rejects values outside 0-10") {
  const std::vector<int> edges{0, 6, 7, 8, 9, 10};
  const stats::nps_counts c = stats::nps_tally(edges);
  CHECK(c.detractors == 2);
  CHECK(c.passives == 2);
  CHECK(c.promoters == 2);
  const std::vector<int> eleven{11}, minus_one{-1};
  CHECK_THROWS_AS(stats::nps_tally(eleven), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_tally(minus_one), std::invalid_argument);
}

TEST_CASE("per-respondent NPS variance keeps the covariance term") {
  CHECK(stats::nps_variance(counts(1, 2, 3)) == doctest::Approx(5.0 / 9));
  CHECK(stats::nps_variance(counts(1, 0, 1)) == doctest::Approx(1));
  CHECK(stats::nps_variance(counts(0, 1, 1)) == doctest::Approx(0.25));
  // n = 1000, P = 250, D = 75: multinomial SE 0.01716; two independent
  // binomials would give the too-narrow 0.01603.
  const stats::nps_estimate e = stats::nps_adjusted_wald(counts(75, 675, 250));
  CHECK(std::round(e.se * 1e5) / 1e5 == doctest::Approx(0.01716));
  CHECK(e.score == doctest::Approx(0.175));
}

TEST_CASE("NPS of an empty sample is undefined rather than zero") {
  const stats::nps_counts none{};
  CHECK(none.n() == 0);
  CHECK(std::isnan(stats::nps_score(none)));
  CHECK(std::isnan(stats::nps_variance(none)));
  const stats::interval wald = stats::nps_wald(none);
  CHECK(wald.low == -1);
  CHECK(wald.high == 1);
  const stats::nps_estimate e = stats::nps_adjusted_wald(none);
  CHECK(std::isnan(e.score));
  CHECK(std::isnan(e.se));
  CHECK(e.ci.low == -1);
  CHECK(e.ci.high == 1);
  CHECK(e.n == 0);
}

TEST_CASE("NPS when every respondent is a promoter") {
  const stats::nps_counts all{0, 0, 10};
  CHECK(stats::nps_score(all) == 1);
  CHECK(stats::nps_variance(all) == 0);
  // Wald collapses to a point: the reason it is not the default.
  const stats::interval wald = stats::nps_wald(all);
  CHECK(wald.low == 1);
  CHECK(wald.high == 1);
  // Adjusted: NPS~ = 10/13, V~ = 11.5/13 − (10/13)², 0.7692 ± 0.2942, clamped at 1.
  const stats::nps_estimate e = stats::nps_adjusted_wald(all);
  CHECK(e.score == 1);
  CHECK(e.se == 0);
  CHECK(round4(e.ci.low) == doctest::Approx(0.4750));
  CHECK(e.ci.high == 1);
}

TEST_CASE("NPS when every respondent is a detractor") {
  const stats::nps_counts all{10, 0, 0};
  CHECK(stats::nps_score(all) == -1);
  CHECK(stats::nps_variance(all) == 0);
  const stats::nps_estimate e = stats::nps_adjusted_wald(all);
  CHECK(e.score == -1);
  CHECK(e.ci.low == -1);
  CHECK(round4(e.ci.high) == doctest::Approx(-0.4750));
}

TEST_CASE("a lower confidence gives a narrower NPS interval") {
  const stats::nps_counts c{15, 25, 60};
  const stats::interval at90 = stats::nps_adjusted_wald(c, 0.90).ci;
  const stats::interval at95 = stats::nps_adjusted_wald(c, 0.95).ci;
  CHECK(at90.half_width() < at95.half_width());
  // Same centre, scaled by the ratio of the two quantiles.
  CHECK(at90.half_width() / at95.half_width() ==
        doctest::Approx(1.6448536269514722 / 1.959963984540054));
  CHECK_THROWS_AS(stats::nps_adjusted_wald(c, 1.5), std::invalid_argument);
}

TEST_CASE("two independent NPS samples: hand-computed z-test") {
  // a = (15, 25, 60), b = (30, 30, 40). Adjusted: ñ = 103 each;
  // NPS~a = 45/103, NPS~b = 10/103; V~a = 76.5/103 − (45/103)² = 0.551843,
  // V~b = 71.5/103 − (10/103)² = 0.684749;
  // z = (35/103) / sqrt((0.551843 + 0.684749) / 103) = 3.10125, p = 0.001927.
  const stats::two_sample_test t = stats::nps_difference({15, 25, 60}, {30, 30, 40});
  CHECK(t.difference == doctest::Approx(35.0 / 103));
  CHECK(t.z == doctest::Approx(3.10125).epsilon(1e-5));
  CHECK(t.p_value == doctest::Approx(0.001927).epsilon(1e-3));
  const stats::two_sample_test swapped = stats::nps_difference({30, 30, 40}, {15, 25, 60});
  CHECK(swapped.difference == doctest::Approx(-35.0 / 103));
  CHECK(swapped.z == doctest::Approx(-t.z));
  CHECK(swapped.p_value == doctest::Approx(t.p_value));
}

TEST_CASE("the NPS difference is the adjusted one and agrees with the sign of z") {
  // One promoter against 999 promoters and a passive: raw difference +0.001,
  // adjusted 0.25 − 999/1003. difference and z must agree in sign.
  const stats::two_sample_test t = stats::nps_difference({0, 0, 1}, {0, 1, 999});
  CHECK(t.difference == doctest::Approx(0.25 - 999.0 / 1003));
  CHECK(t.z < 0);
}

TEST_CASE("NPS difference with an empty sample is undefined") {
  const stats::two_sample_test t = stats::nps_difference({}, {1, 2, 3});
  CHECK(std::isnan(t.difference));
  CHECK(std::isnan(t.z));
  CHECK(std::isnan(t.p_value));
  CHECK_FALSE(t.p_value < 0.05);
  CHECK(std::isnan(stats::nps_difference({1, 2, 3}, {}).p_value));
}

TEST_CASE("NPS sample size for a margin of error") {
  // V = 0.6: ±5 points needs about 919 responses, ±10 about 228.
  CHECK(std::ceil(stats::nps_sample_size(0.6, 0.05)) == 919);
  CHECK(std::ceil(stats::nps_sample_size(0.6, 0.10)) == 228);
  CHECK(stats::nps_sample_size(0.6, 0.05) == doctest::Approx(918.9501).epsilon(1e-7));
  CHECK(stats::nps_sample_size(0, 0.05) == 0);
  CHECK_THROWS_AS(stats::nps_sample_size(0.6, 0), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_sample_size(1.5, 0.05), std::invalid_argument);
  CHECK_THROWS_AS(stats::nps_sample_size(-0.1, 0.05), std::invalid_argument);
}

TEST_CASE("Wilson interval reference values") {
  const stats::interval a = stats::wilson(45, 50);
  CHECK(round4(a.low) == doctest::Approx(0.7864));
  CHECK(round4(a.high) == doctest::Approx(0.9565));
  const stats::interval b = stats::wilson(9, 10);
  CHECK(round4(b.low) == doctest::Approx(0.5958));
  CHECK(round4(b.high) == doctest::Approx(0.9821));
  const stats::interval c = stats::wilson(818, 1000);
  CHECK(round4(c.low) == doctest::Approx(0.7929));
  CHECK(round4(c.high) == doctest::Approx(0.8407));
}

TEST_CASE("Wilson interval at the edges") {
  const stats::interval none = stats::wilson(0, 0);
  CHECK(none.low == 0);
  CHECK(none.high == 1);
  const stats::interval zero = stats::wilson(0, 10);
  CHECK(zero.low == 0);
  CHECK(zero.high > 0);
  const stats::interval all = stats::wilson(10, 10);
  CHECK(all.low < 1);
  CHECK(all.high == 1);
  // 0/10 and 10/10 mirror each other: upper bound z²/(n + z²).
  const double z2 = 1.959963984540054 * 1.959963984540054;
  CHECK(zero.high == doctest::Approx(z2 / (10 + z2)));
  CHECK(1 - all.low == doctest::Approx(zero.high));
  CHECK_THROWS_AS(stats::wilson(11, 10), std::invalid_argument);
}

TEST_CASE("two-proportion z-test: hand-computed value") {
  // 45/50 against 818/1000: pooled 863/1050; z = 0.082 / sqrt(p̄(1 − p̄)(1/50 + 1/1000))
  // = 1.47900, p = 0.13914.
  const stats::two_sample_test t = stats::proportion_difference(45, 50, 818, 1000);
  CHECK(t.difference == doctest::Approx(0.082));
  CHECK(t.z == doctest::Approx(1.47900).epsilon(1e-5));
  CHECK(t.p_value == doctest::Approx(0.13914).epsilon(1e-4));
  const stats::two_sample_test swapped = stats::proportion_difference(818, 1000, 45, 50);
  CHECK(swapped.z == doctest::Approx(-t.z));
}

TEST_CASE("two-proportion z-test edge cases") {
  const stats::two_sample_test same = stats::proportion_difference(10, 10, 20, 20);
  CHECK(same.difference == 0);
  CHECK(same.z == 0);
  CHECK(same.p_value == 1);
  const stats::two_sample_test empty = stats::proportion_difference(0, 0, 5, 10);
  CHECK(std::isnan(empty.difference));
  CHECK(std::isnan(empty.p_value));
  CHECK_THROWS_AS(stats::proportion_difference(3, 2, 1, 1), std::invalid_argument);
}
