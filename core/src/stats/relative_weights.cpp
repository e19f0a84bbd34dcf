#include "stats/relative_weights.hpp"

#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

// Pearson correlation over the rows where both are present; 0 without variance.
double pairwise_correlation(std::span<const double> a, std::span<const double> b, size_t stride_a,
                            size_t stride_b, std::span<const size_t> rows) {
  double n = 0, mean_a = 0, mean_b = 0, caa = 0, cbb = 0, cab = 0;
  for (size_t r : rows) {
    double x = a[r * stride_a], y = b[r * stride_b];
    if (std::isnan(x) || std::isnan(y)) continue;
    n += 1;
    double dx = x - mean_a, dy = y - mean_b; // Welford, so large sums do not cancel
    mean_a += dx / n;
    mean_b += dy / n;
    caa += dx * (x - mean_a);
    cbb += dy * (y - mean_b);
    cab += dx * (y - mean_b);
  }
  if (n < 2 || caa <= 0 || cbb <= 0) return 0;
  return std::clamp(cab / std::sqrt(caa * cbb), -1.0, 1.0);
}

relative_weights_fit fit_rows(std::span<const double> x, size_t p, std::span<const double> y,
                              std::span<const size_t> rows) {
  relative_weights_fit fit;
  fit.weights.assign(p, 0.0);
  std::vector<size_t> used;
  for (size_t r : rows) {
    if (std::isnan(y[r])) continue;
    bool any = false;
    for (size_t j = 0; j < p && !any; ++j)
      any = !std::isnan(x[r * p + j]);
    if (any) used.push_back(r);
  }
  fit.rows = used.size();
  if (used.size() < 3 || p == 0) return fit;

  std::vector<double> rxx(p * p, 0.0), rxy(p);
  for (size_t j = 0; j < p; ++j) {
    rxy[j] = pairwise_correlation(x.subspan(j), y, p, 1, used);
    rxx[j * p + j] = 1;
    for (size_t k = 0; k < j; ++k)
      rxx[j * p + k] = rxx[k * p + j] =
          pairwise_correlation(x.subspan(j), x.subspan(k), p, p, used);
  }
  // A predictor without variance correlates with nothing: its row of rxx is that of the
  // identity and its rxy 0, so its weight comes out 0.
  symmetric_eigen e = eigen_symmetric(rxx, p);
  // Pairwise correlations need not form a positive definite matrix, and ratings may be
  // collinear: eigenvalues near or below zero are dropped (a pseudo-inverse).
  const double floor = 1e-9 * std::max(1.0, *std::max_element(e.values.begin(), e.values.end()));
  std::vector<double> root(p * p, 0.0), inverse_root(p * p, 0.0); // R^(1/2), R^(-1/2)
  for (size_t k = 0; k < p; ++k) {
    if (e.values[k] <= floor) continue;
    double s = std::sqrt(e.values[k]);
    for (size_t i = 0; i < p; ++i)
      for (size_t j = 0; j < p; ++j) {
        double vv = e.vectors[i * p + k] * e.vectors[j * p + k];
        root[i * p + j] += vv * s;
        inverse_root[i * p + j] += vv / s;
      }
  }
  std::vector<double> beta(p, 0.0); // of the outcome on Z
  for (size_t k = 0; k < p; ++k)
    for (size_t j = 0; j < p; ++j)
      beta[k] += inverse_root[k * p + j] * rxy[j];
  for (size_t j = 0; j < p; ++j) {
    for (size_t k = 0; k < p; ++k)
      fit.weights[j] += root[j * p + k] * root[j * p + k] * beta[k] * beta[k];
    fit.r_squared += fit.weights[j];
  }
  return fit;
}

} // namespace

symmetric_eigen eigen_symmetric(std::vector<double> a, size_t n) {
  if (a.size() != n * n) throw std::invalid_argument("eigen_symmetric: the matrix is not n × n");
  std::vector<double> v(n * n, 0.0);
  for (size_t i = 0; i < n; ++i)
    v[i * n + i] = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0;
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j)
        off += a[i * n + j] * a[i * n + j];
    if (off < 1e-30) break;
    for (size_t p = 0; p < n; ++p)
      for (size_t q = p + 1; q < n; ++q) {
        double apq = a[p * n + q];
        if (std::abs(apq) < 1e-300) continue;
        // The rotation that zeroes a[p][q] (Golub & Van Loan, 8.5.2).
        double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        double t = std::copysign(1.0, theta) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (size_t k = 0; k < n; ++k) {
          double akp = a[k * n + p], akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (size_t k = 0; k < n; ++k) {
          double apk = a[p * n + k], aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (size_t k = 0; k < n; ++k) {
          double vkp = v[k * n + p], vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
  }
  symmetric_eigen e;
  e.values.resize(n);
  for (size_t i = 0; i < n; ++i)
    e.values[i] = a[i * n + i];
  e.vectors = std::move(v);
  return e;
}

relative_weights_fit relative_weights(std::span<const double> predictors, size_t columns,
                                      std::span<const double> outcome) {
  if (columns == 0 ? !predictors.empty() : predictors.size() != outcome.size() * columns)
    throw std::invalid_argument("relative_weights: predictors and outcome differ in rows");
  std::vector<size_t> rows(outcome.size());
  for (size_t r = 0; r < rows.size(); ++r)
    rows[r] = r;
  return fit_rows(predictors, columns, outcome, rows);
}

std::vector<weight_interval> relative_weight_intervals(std::span<const double> predictors,
                                                       size_t columns,
                                                       std::span<const double> outcome,
                                                       size_t resamples, double level,
                                                       uint64_t seed) {
  if (columns == 0 ? !predictors.empty() : predictors.size() != outcome.size() * columns)
    throw std::invalid_argument("relative_weight_intervals: predictors and outcome differ in rows");
  const size_t n = outcome.size();
  std::vector<std::vector<double>> draws(columns);
  if (n == 0 || resamples == 0) return std::vector<weight_interval>(columns);
  // mt19937_64 is specified to the bit; the modulo keeps the draws the same on every library,
  // which std::uniform_int_distribution does not promise.
  std::mt19937_64 engine(seed);
  std::vector<size_t> rows(n);
  for (size_t b = 0; b < resamples; ++b) {
    for (auto &r : rows)
      r = static_cast<size_t>(engine() % n);
    relative_weights_fit fit = fit_rows(predictors, columns, outcome, rows);
    for (size_t j = 0; j < columns; ++j)
      draws[j].push_back(fit.weights[j]);
  }
  // Bias-corrected percentiles (Efron 1987; as Tonidandel, LeBreton and Johnson 2009 advise for
  // relative weights): a weight is never negative, so resampled weights of a small one lean
  // up, and plain percentiles can leave it below its own interval.
  std::vector<size_t> all(n);
  for (size_t r = 0; r < n; ++r)
    all[r] = r;
  const relative_weights_fit estimate = fit_rows(predictors, columns, outcome, all);
  std::vector<weight_interval> out(columns);
  const double z_tail = normal_quantile((1 - level) / 2);
  const double b = static_cast<double>(resamples);
  for (size_t j = 0; j < columns; ++j) {
    auto &d = draws[j];
    std::sort(d.begin(), d.end());
    auto at = [&](double q) {
      double pos = q * static_cast<double>(d.size() - 1);
      size_t i = static_cast<size_t>(pos);
      double f = pos - static_cast<double>(i);
      return i + 1 < d.size() ? d[i] * (1 - f) + d[i + 1] * f : d[i];
    };
    const double w = estimate.weights[j];
    const double below = static_cast<double>(std::lower_bound(d.begin(), d.end(), w) - d.begin());
    const double equal =
        static_cast<double>(std::upper_bound(d.begin(), d.end(), w) - d.begin()) - below;
    const double share = std::clamp((below + equal / 2) / b, 0.5 / b, 1 - 0.5 / b);
    const double z0 = normal_quantile(share);
    // When every resample falls on one side of the estimate (a weight at its floor of 0), the
    // interval is widened to hold it.
    out[j] = {std::min(w, at(normal_cdf(2 * z0 + z_tail))),
              std::max(w, at(normal_cdf(2 * z0 - z_tail)))};
  }
  return out;
}

} // namespace rebuy::core::stats
