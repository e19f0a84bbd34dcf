#pragma once
// Standard normal quantiles and tail probabilities, through Boost.Math so that
// every confidence level is exact rather than a hard-coded 1.96.

namespace rebuy::core::stats {

// The z with P(−z ≤ Z ≤ z) = confidence, e.g. 1.959964 for 0.95.
// Throws std::invalid_argument unless 0 < confidence < 1.
double z_for_confidence(double confidence);

// P(|Z| ≥ |z|). NaN in, NaN out.
double two_sided_p_value(double z);

// P(Z ≤ z), and its inverse for 0 < p < 1 (throws std::invalid_argument otherwise).
double normal_cdf(double z);
double normal_quantile(double p);

} // namespace rebuy::core::stats
