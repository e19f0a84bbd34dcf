#pragma once
// Further NPS intervals next to the adjusted Wald default of stats/nps.hpp:
// Tango's score interval, the exact Dirichlet posterior interval, and the
// margin of error a planned sample size gives. Same [−1, 1] scale, and the
// same rule for empty samples: the interval is the whole range [−1, 1].
#include "stats/nps.hpp"
#include "stats/types.hpp"

namespace rebuy::core::stats {

// Tango's score interval (Tango 1998, for the difference of paired
// proportions; an NPS has exactly that structure: the mean of +1/0/−1 over
// one multinomial sample). It is the set of Δ the score test does not
// reject, |x − y − nΔ| / sqrt(n(2q̃ + Δ(1 − Δ))) ≤ z, with x promoters,
// y detractors and q̃ the detractor share that maximises the likelihood
// under NPS = Δ (closed form). Found by bisection on each side.
// Unlike Wald it never collapses when everyone is in one class: all
// passives give ±z²/(n + z²), all promoters [(n − z²)/(n + z²), 1].
interval nps_tango(nps_counts counts, double confidence = 0.95);

// Pseudo-counts of the Dirichlet prior on (detractor, passive, promoter)
// shares. The default is Jeffreys' prior; {1, 1, 1} is the uniform one.
struct dirichlet_prior {
  double detractors = 0.5;
  double passives = 0.5;
  double promoters = 0.5;
};

// P(NPS ≤ t) under the posterior Dirichlet(counts + prior), computed
// deterministically: the promoter share is Beta distributed and, given it,
// the detractor share over what is left is Beta too, so the probability is
// one integral of a Beta density times a regularised incomplete beta
// (boost::math::ibeta), done by tanh-sinh quadrature. Accurate to about
// 1e-9. Throws std::invalid_argument unless every prior count is positive.
double nps_posterior_cdf(nps_counts counts, double t, dirichlet_prior prior = {});

// The equal-tailed posterior interval: the (1 − confidence)/2 and
// (1 + confidence)/2 quantiles of nps_posterior_cdf.
interval nps_dirichlet(nps_counts counts, double confidence = 0.95, dirichlet_prior prior = {});

// The ± a sample of n answers gives, z·sqrt(V / (n + 3)): the half-width of
// the adjusted Wald interval before clamping, and the inverse of
// nps_sample_size. Throws std::invalid_argument unless 0 ≤ V ≤ 1 and n ≥ 0.
double nps_margin_of_error(double variance, double n, double confidence = 0.95);

// The interval a report puts around every NPS: one method per report.
enum class nps_interval_method {
  adjusted_wald, // nps_adjusted_wald, the default
  score,         // nps_tango
  dirichlet      // nps_dirichlet with Jeffreys' prior
};

// The interval of `counts` by `method`.
interval nps_interval(nps_counts counts, nps_interval_method method, double confidence = 0.95);

} // namespace rebuy::core::stats
