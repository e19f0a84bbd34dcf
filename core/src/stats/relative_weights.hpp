#pragma once
// Key drivers: how much of an outcome's variance each of several correlated ratings accounts
// for (Johnson's relative weights, Multivariate Behavioral Research 35, 2000). The predictors
// are replaced by their closest orthogonal counterparts Z = X R^(-1/2); the outcome is regressed
// on Z, and each Z's share is given back to the predictors by their squared correlations with
// it. The weights are never negative and add up to the model's R², which regression
// coefficients of correlated ratings do not.
//
// Ratings missing for some rows are handled pairwise: each correlation uses the rows where both
// of its values are present (a NaN is missing). Intervals come from resampling rows.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rebuy::core::stats {

struct relative_weights_fit {
  double r_squared = 0;        // of the outcome on all the predictors
  std::vector<double> weights; // one per predictor, ≥ 0, adding up to r_squared
  // Rows with the outcome and at least one predictor present.
  size_t rows = 0;
};

// `predictors` holds rows × columns values row by row (NaN: missing), `outcome` one value per
// row (rows without it are left out). Predictors without variance in the rows where they and
// the outcome are present get weight 0. Throws std::invalid_argument when the sizes disagree.
relative_weights_fit relative_weights(std::span<const double> predictors, size_t columns,
                                      std::span<const double> outcome);

struct weight_interval {
  double low = 0, high = 0;
};

// Bias-corrected percentile intervals (at `level`, e.g. 0.95) of each weight over `resamples`
// resamplings of the rows, holding the weight itself, drawn from a generator seeded with `seed`:
// the same data give the same intervals.
std::vector<weight_interval> relative_weight_intervals(std::span<const double> predictors,
                                                       size_t columns,
                                                       std::span<const double> outcome,
                                                       size_t resamples, double level,
                                                       uint64_t seed);

// Eigenvalues and eigenvectors of a symmetric n × n matrix (row by row), by Jacobi rotations:
// ratings come by the dozen at most, where this is exact and simple.
struct symmetric_eigen {
  std::vector<double> values;  // n
  std::vector<double> vectors; // n × n, column k is the eigenvector of values[k]
};
symmetric_eigen eigen_symmetric(std::vector<double> matrix, size_t n);

} // namespace rebuy::core::stats
