#include "stats/nps_intervals.hpp"

#include "stats/normal.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

constexpr interval whole_range{-1, 1};

// Tango's score statistic at NPS = delta for x promoters and y detractors
// out of n. Decreasing in delta; zero at the observed NPS.
double tango_statistic(double x, double y, double n, double delta) {
  const double numerator = x - y - n * delta;
  if (numerator == 0) return 0;
  // The constrained maximum-likelihood detractor share q solves
  // 2n·q² + w·q − y·Δ(1 − Δ) = 0; its non-negative root.
  const double w = -x - y + (2 * n - x + y) * delta;
  const double discriminant = std::max(0.0, w * w + 8 * n * y * delta * (1 - delta));
  const double q = std::max(0.0, (std::sqrt(discriminant) - w) / (4 * n));
  const double variance = n * (2 * q + delta * (1 - delta));
  return variance > 0 ? numerator / std::sqrt(variance) : std::copysign(INFINITY, numerator);
}

// The delta in [low, high] where the decreasing function f changes sign, by
// bisection: 80 halvings of a width ≤ 2 reach the spacing of doubles.
template <class F> double bisect(F f, double low, double high) {
  for (int i = 0; i < 80 && low < high; ++i) {
    const double mid = low + (high - low) / 2;
    if (mid <= low || mid >= high) break;
    (f(mid) > 0 ? low : high) = mid;
  }
  return low + (high - low) / 2;
}

void check_prior(dirichlet_prior prior) {
  if (!(prior.detractors > 0 && prior.passives > 0 && prior.promoters > 0) ||
      !std::isfinite(prior.detractors + prior.passives + prior.promoters))
    throw std::invalid_argument("every Dirichlet prior count must be positive and finite");
}

// The posterior Dirichlet(counts + prior) of the (detractor, passive,
// promoter) shares, and the distribution of NPS = promoters − detractors.
class nps_posterior {
public:
  nps_posterior(nps_counts counts, dirichlet_prior prior)
      : a_d_(static_cast<double>(counts.detractors) + prior.detractors),
        a_n_(static_cast<double>(counts.passives) + prior.passives),
        a_p_(static_cast<double>(counts.promoters) + prior.promoters),
        // Integrate only where the promoter share has all but 2e-15 of its
        // mass: for large n the density is a narrow spike that the quadrature
        // would otherwise have to find in [0, 1].
        p_from_(promoter_quantile(tail_mass, false)), p_to_(promoter_quantile(tail_mass, true)) {}

  // P(NPS ≤ t). The promoter share p ~ Beta(a_p, a_n + a_d); given p, the
  // detractor share d is (1 − p)·Beta(a_d, a_n). NPS = p − d ≤ t always holds
  // for p ≤ max(t, 0), never for p > (1 + t)/2 (d would exceed 1 − p), and in
  // between exactly when d ≥ p − t.
  double cdf(double t) const {
    if (t <= -1) return 0;
    if (t >= 1) return 1;
    const double sure_below = std::max(t, 0.0);
    const double head = sure_below > 0 ? boost::math::ibeta(a_p_, a_n_ + a_d_, sure_below) : 0.0;
    const double from = std::max(sure_below, p_from_);
    const double to = std::min((1 + t) / 2, p_to_);
    if (!(from < to)) return std::clamp(head, 0.0, 1.0);
    const auto integrand = [&](double p) {
      const double share = std::clamp((p - t) / (1 - p), 0.0, 1.0);
      return boost::math::ibeta_derivative(a_p_, a_n_ + a_d_, p) *
             boost::math::ibetac(a_d_, a_n_, share);
    };
    // Tanh-sinh copes with the Beta density's integrable singularity at an
    // end point (a share parameter below 1) and never evaluates the end
    // points. One per thread: its tables are built once, and Boost 1.74's
    // integrate() is not const (the `const` of its declaration binds to the
    // return type).
    thread_local boost::math::quadrature::tanh_sinh<double> quadrature;
    return std::clamp(head + quadrature.integrate(integrand, from, to, 1e-10), 0.0, 1.0);
  }

  // The t with cdf(t) = probability, 0 < probability < 1.
  double quantile(double probability) const {
    const auto f = [&](double t) { return cdf(t) - probability; };
    // Bracket the root around the normal approximation first: solving on
    // [−1, 1] takes about twice as many evaluations of cdf.
    const double total = a_d_ + a_n_ + a_p_;
    const double p = a_p_ / total, d = a_d_ / total;
    const double sd = std::sqrt((p + d - (p - d) * (p - d)) / (total + 1));
    const double guess = p - d + sd * boost::math::quantile(boost::math::normal(), probability);
    double a = std::max(-1.0, guess - sd), b = std::min(1.0, guess + sd);
    double fa = a == -1 ? -probability : f(a), fb = b == 1 ? 1 - probability : f(b);
    if (fa > 0) {
      b = a, fb = fa;
      a = -1, fa = -probability;
    } else if (fb < 0) {
      a = b, fa = fb;
      b = 1, fb = 1 - probability;
    }
    // Absolute: a relative tolerance chases quantiles near 0 for nothing.
    const auto close_enough = [](double low, double high) { return high - low < 1e-10; };
    std::uintmax_t iterations = 100;
    const auto [low, high] =
        boost::math::tools::toms748_solve(f, a, b, fa, fb, close_enough, iterations);
    return low + (high - low) / 2;
  }

private:
  static constexpr double tail_mass = 1e-15;

  // The promoter share below which (upper: above which) `mass` lies. Small
  // samples use the whole range: the inversion costs more than it saves.
  // Boost's inversion gives up on some extreme tails; the whole range then
  // too, which is slower but exact.
  double promoter_quantile(double mass, bool upper) const {
    if (a_d_ + a_n_ + a_p_ < 200) return upper ? 1.0 : 0.0;
    try {
      return upper ? boost::math::ibetac_inv(a_p_, a_n_ + a_d_, mass)
                   : boost::math::ibeta_inv(a_p_, a_n_ + a_d_, mass);
    } catch (const std::exception &) {
      return upper ? 1.0 : 0.0;
    }
  }

  double a_d_, a_n_, a_p_;
  double p_from_, p_to_;
};

} // namespace

interval nps_tango(nps_counts counts, double confidence) {
  const double z = z_for_confidence(confidence);
  if (counts.n() == 0) return whole_range;
  const double x = static_cast<double>(counts.promoters);
  const double y = static_cast<double>(counts.detractors);
  const double n = static_cast<double>(counts.n());
  const double observed = (x - y) / n;
  const auto statistic = [&](double delta) { return tango_statistic(x, y, n, delta); };
  // At −1 everyone would be a detractor: the statistic is +∞ unless they
  // all are, and then the observed NPS is −1 itself (likewise at +1).
  const double low = counts.detractors == counts.n()
                         ? -1.0
                         : bisect([&](double d) { return statistic(d) - z; }, -1.0, observed);
  const double high = counts.promoters == counts.n()
                          ? 1.0
                          : bisect([&](double d) { return statistic(d) + z; }, observed, 1.0);
  return {low, high};
}

double nps_posterior_cdf(nps_counts counts, double t, dirichlet_prior prior) {
  check_prior(prior);
  if (std::isnan(t)) throw std::invalid_argument("the NPS threshold is NaN");
  return nps_posterior(counts, prior).cdf(t);
}

interval nps_dirichlet(nps_counts counts, double confidence, dirichlet_prior prior) {
  z_for_confidence(confidence); // validates it like every other interval
  check_prior(prior);
  if (counts.n() == 0) return whole_range;
  const nps_posterior posterior(counts, prior);
  const double tail = (1 - confidence) / 2;
  return {posterior.quantile(tail), posterior.quantile(1 - tail)};
}

double nps_margin_of_error(double variance, double n, double confidence) {
  if (!(variance >= 0 && variance <= 1))
    throw std::invalid_argument("an NPS variance lies between 0 and 1");
  if (!(n >= 0)) throw std::invalid_argument("the number of answers cannot be negative");
  return z_for_confidence(confidence) * std::sqrt(variance / (n + 3));
}

interval nps_interval(nps_counts counts, nps_interval_method method, double confidence) {
  switch (method) {
  case nps_interval_method::score:
    return nps_tango(counts, confidence);
  case nps_interval_method::dirichlet:
    return nps_dirichlet(counts, confidence);
  case nps_interval_method::adjusted_wald:
    break;
  }
  return nps_adjusted_wald(counts, confidence).ci;
}

} // namespace rebuy::core::stats
