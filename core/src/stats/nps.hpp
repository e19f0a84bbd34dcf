#pragma once
// Net Promoter Score: point estimate, variance, confidence intervals, a
// two-sample test and sample sizes (docs: /work/shared/design/methods.md).
//
// Everything works on the [−1, 1] scale (the mean of +1 promoter, 0 passive,
// −1 detractor); multiply by 100 for the usual "points".
//
// Empty samples (n = 0) have no score: nps_score, nps_variance and the score
// and se of nps_adjusted_wald are NaN, every interval is the whole range
// [−1, 1] (nothing is known), and nps_difference returns NaN in all fields, so
// `p_value < alpha` is false and nothing is flagged. Reports show these as
// "no answers", never as a number.
#include "stats/types.hpp"

#include <cstdint>
#include <span>

namespace rebuy::core::stats {

struct nps_counts {
  uint64_t detractors = 0; // 0-6
  uint64_t passives = 0;   // 7-8
  uint64_t promoters = 0;  // 9-10

  uint64_t n() const { return detractors + passives + promoters; }
};

struct nps_estimate {
  double score; // the raw NPS, −1..1
  double se;    // the raw standard error sqrt(V / n)
  interval ci;  // adjusted Wald, clamped to [−1, 1]
  uint64_t n;
};

// Tallies 0-10 answers. Throws std::invalid_argument for a value outside 0..10:
// callers pass validated answers, so such a value is a bug, not data.
nps_counts nps_tally(std::span<const int> scores);

// (promoters − detractors) / n.
double nps_score(nps_counts counts);

// Per-respondent variance of the +1/0/−1 score, V = p + d − (p − d)², with p
// and d the promoter and detractor shares. The multinomial form keeps the
// covariance between p and d; two independent binomials would drop it and
// understate the variance.
double nps_variance(nps_counts counts);

// Plain Wald interval NPS ± z·sqrt(V / n), clamped to [−1, 1]. Collapses to a
// point when everyone is in one class (V = 0): use nps_adjusted_wald for reports.
interval nps_wald(nps_counts counts, double confidence = 0.95);

// The default interval: add pseudo-counts (D, N, P) += (0.75, 1.5, 0.75), so
// ñ = n + 3, and centre a Wald interval on the adjusted NPS with the adjusted
// variance. The reported point stays the raw NPS (with its raw SE), so the
// interval is deliberately not symmetric around it.
nps_estimate nps_adjusted_wald(nps_counts counts, double confidence = 0.95);

// Two independent samples (different respondents): z = (NPS̃a − NPS̃b) /
// sqrt(Ṽa/ña + Ṽb/ñb), with the pseudo-counts of nps_adjusted_wald added to
// each sample. `difference` is NPS̃a − NPS̃b, the numerator of z, so its sign
// always agrees with z; with one tiny sample it can differ from the raw
// difference (one promoter against 999 promoters and a passive: raw +0.001,
// adjusted ≈ −0.75). Not valid for the same customers surveyed twice (paired data).
two_sample_test nps_difference(nps_counts a, nps_counts b);

// Responses needed for a margin of error `margin` (on the −1..1 scale: 0.05 is
// ±5 points) given a per-respondent variance: n = z²·V/E² − 3, the −3 being the
// pseudo-counts of the adjusted interval. Not rounded (round up for a count);
// never below 0. Throws std::invalid_argument unless 0 ≤ variance ≤ 1 (the
// largest V an NPS can have) and margin > 0.
double nps_sample_size(double variance, double margin, double confidence = 0.95);

} // namespace rebuy::core::stats
