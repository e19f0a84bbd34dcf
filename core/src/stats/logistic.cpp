#include "stats/logistic.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

uint64_t mix(uint64_t x) { // splitmix64's finaliser: a fixed, portable shuffle key
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Solves the symmetric positive definite system a·x = b (n × n, row by row) by Cholesky.
std::vector<double> solve_spd(std::vector<double> a, std::vector<double> b, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k)
      d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) throw std::runtime_error("dense_logistic: the system is not positive definite");
    const double root = std::sqrt(d);
    a[j * n + j] = root;
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (size_t k = 0; k < j; ++k)
        s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / root;
    }
  }
  for (size_t i = 0; i < n; ++i) { // L·y = b
    for (size_t k = 0; k < i; ++k)
      b[i] -= a[i * n + k] * b[k];
    b[i] /= a[i * n + i];
  }
  for (size_t i = n; i-- > 0;) { // Lᵀ·x = y
    for (size_t k = i + 1; k < n; ++k)
      b[i] -= a[k * n + i] * b[k];
    b[i] /= a[i * n + i];
  }
  return b;
}

} // namespace

double logistic(double z) { return 1 / (1 + std::exp(-z)); }

double logit(double p) {
  p = std::clamp(p, 1e-6, 1 - 1e-6);
  return std::log(p / (1 - p));
}

double sparse_logistic::margin(const sparse_row &row) const {
  double z = 0;
  for (size_t k = 0; k < row.index.size(); ++k)
    z += weights_[row.index[k]] * row.value[k];
  return z * scale_ + bias_;
}

double sparse_logistic::predict(const sparse_row &row) const { return logistic(margin(row)); }

void sparse_logistic::fit(std::span<const sparse_row> rows, std::span<const uint8_t> labels,
                          std::span<const size_t> use, const sgd_options &options) {
  std::fill(weights_.begin(), weights_.end(), 0.0);
  scale_ = 1, bias_ = 0;
  std::vector<std::pair<uint64_t, size_t>> order(use.size());
  double t = 0;
  for (size_t epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = 0; i < use.size(); ++i)
      order[i] = {mix(use[i] ^ mix(options.seed + epoch)), use[i]};
    std::sort(order.begin(), order.end());
    for (const auto &[key, r] : order) {
      const double eta = options.rate / (1 + options.l2 * options.rate * t++);
      const double g = predict(rows[r]) - labels[r]; // d loss / d margin
      // w ← (1 − ηλ)·w − η·g·x, with w = scale·v: the decay touches only the scale.
      scale_ *= 1 - eta * options.l2;
      const double step = eta * g / scale_;
      for (size_t k = 0; k < rows[r].index.size(); ++k)
        weights_[rows[r].index[k]] -= step * rows[r].value[k];
      bias_ -= eta * g;
      if (scale_ < 1e-9) { // fold the scale back in before it underflows
        for (auto &w : weights_)
          w *= scale_;
        scale_ = 1;
      }
    }
  }
}

std::vector<double> dense_logistic(std::span<const double> x, size_t columns,
                                   std::span<const uint8_t> labels, double ridge) {
  const size_t n = labels.size(), p = columns + 1;
  if (x.size() != n * columns) throw std::invalid_argument("dense_logistic: sizes differ");
  std::vector<double> beta(p, 0.0);
  for (int iteration = 0; iteration < 50; ++iteration) {
    std::vector<double> gradient(p, 0.0), hessian(p * p, 0.0);
    for (size_t r = 0; r < n; ++r) {
      auto at = [&](size_t j) { return j == 0 ? 1.0 : x[r * columns + j - 1]; };
      double z = 0;
      for (size_t j = 0; j < p; ++j)
        z += beta[j] * at(j);
      const double mu = logistic(z), w = std::max(mu * (1 - mu), 1e-12);
      for (size_t j = 0; j < p; ++j) {
        gradient[j] += (labels[r] - mu) * at(j);
        for (size_t k = 0; k <= j; ++k)
          hessian[j * p + k] += w * at(j) * at(k);
      }
    }
    for (size_t j = 0; j < p; ++j) {
      for (size_t k = 0; k < j; ++k)
        hessian[k * p + j] = hessian[j * p + k];
      gradient[j] -= ridge * beta[j];
      hessian[j * p + j] += ridge;
    }
    const std::vector<double> step = solve_spd(hessian, gradient, p);
    double largest = 0;
    for (size_t j = 0; j < p; ++j)
      beta[j] += step[j], largest = std::max(largest, std::fabs(step[j]));
    if (largest < 1e-10) break;
  }
  return beta;
}

double roc_auc(std::span<const double> scores, std::span<const uint8_t> labels) {
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] < scores[b]; });
  double positives = 0, rank_sum = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]])
      ++j;
    const double mid_rank = (static_cast<double>(i + j) + 1) / 2; // ranks i+1..j
    for (size_t k = i; k < j; ++k)
      if (labels[order[k]]) positives += 1, rank_sum += mid_rank;
    i = j;
  }
  const double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) return NAN;
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

double auc_standard_error(double auc, uint64_t positives, uint64_t negatives) {
  if (positives == 0 || negatives == 0) return NAN;
  const double q1 = auc / (2 - auc), q2 = 2 * auc * auc / (1 + auc), a2 = auc * auc;
  const auto n1 = static_cast<double>(positives), n2 = static_cast<double>(negatives);
  return std::sqrt((auc * (1 - auc) + (n1 - 1) * (q1 - a2) + (n2 - 1) * (q2 - a2)) / (n1 * n2));
}

} // namespace rebuy::core::stats
