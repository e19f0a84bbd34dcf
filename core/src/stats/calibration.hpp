#pragma once
// Calibrating stated intent against behaviour: each response has a forecast
// (an intent level, or a probability) and an outcome, 1 if the customer
// ordered again within the horizon after answering, else 0.
//
// Outcomes are ints that must be 0 or 1, forecasts doubles in [0, 1];
// anything else throws std::invalid_argument, as do spans of unequal length.
// Rates measured on surveyed customers run high for customers who were not
// surveyed (answering raises later buying): reports say so when they
// extrapolate.
#include <cstdint>
#include <span>
#include <vector>

namespace rebuy::core::stats {

// Responses and repurchases at one intent level.
struct level_outcomes {
  uint64_t n = 0;
  uint64_t repurchased = 0; // ≤ n
};

// Per-level rates shrunk toward the overall rate m = Σy / Σn:
// (y_k + α·m) / (n_k + α). α ≥ 0 is the weight of the overall rate in
// pseudo-responses; a level without responses gets m (NaN when α = 0), and
// everything is NaN when no level has a response.
std::vector<double> shrunk_rates(std::span<const level_outcomes> levels, double alpha);

// Weighted least-squares fit that does not decrease along the given order,
// by pool adjacent violators. Weights must be positive.
std::vector<double> isotonic_regression(std::span<const double> values,
                                        std::span<const double> weights);

// Isotonic per-level rates, levels ordered from the weakest intent to the
// strongest: the raw rates y_k / n_k pooled where a stronger level bought
// less. Levels without responses get NaN and do not constrain the others.
std::vector<double> isotonic_rates(std::span<const level_outcomes> levels);

// mean((f − o)²); NaN for no responses.
double brier_score(std::span<const double> forecasts, std::span<const int> outcomes);

// −mean(o·ln f + (1 − o)·ln(1 − f)), with f clipped to [ε, 1 − ε] and ε the
// double epsilon, as scikit-learn's log_loss does for float64; NaN for none.
double log_loss(std::span<const double> forecasts, std::span<const int> outcomes);

// One non-empty bin of a reliability table.
struct reliability_bin {
  double mean_forecast; // scikit-learn's prob_pred
  double observed_rate; // prob_true
  uint64_t count;
};

// scikit-learn's calibration_curve(strategy="uniform"): `bins` equal-width
// bins over [0, 1], each closed on the right (a forecast on an inner edge
// belongs to the lower bin, 0 to the first, 1 to the last), empty bins
// dropped. bins must be at least 1.
std::vector<reliability_bin> reliability_table(std::span<const double> forecasts,
                                               std::span<const int> outcomes, size_t bins = 5);

} // namespace rebuy::core::stats
