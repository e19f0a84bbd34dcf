#include "stats/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

void check_pairs(std::span<const double> forecasts, std::span<const int> outcomes) {
  if (forecasts.size() != outcomes.size())
    throw std::invalid_argument("forecasts and outcomes differ in length");
  for (double f : forecasts)
    if (!(f >= 0 && f <= 1)) throw std::invalid_argument("a forecast must be between 0 and 1");
  for (int o : outcomes)
    if (o != 0 && o != 1) throw std::invalid_argument("an outcome must be 0 or 1");
}

} // namespace

std::vector<double> shrunk_rates(std::span<const level_outcomes> levels, double alpha) {
  if (!(alpha >= 0) || std::isinf(alpha))
    throw std::invalid_argument("the shrinkage weight must be finite and non-negative");
  uint64_t n = 0, y = 0;
  for (const level_outcomes &l : levels) {
    if (l.repurchased > l.n) throw std::invalid_argument("repurchases cannot exceed responses");
    n += l.n;
    y += l.repurchased;
  }
  const double overall = n == 0 ? nan : static_cast<double>(y) / static_cast<double>(n);
  std::vector<double> rates;
  rates.reserve(levels.size());
  for (const level_outcomes &l : levels) {
    const double denominator = static_cast<double>(l.n) + alpha;
    rates.push_back(denominator == 0
                        ? nan
                        : (static_cast<double>(l.repurchased) + alpha * overall) / denominator);
  }
  return rates;
}

std::vector<double> isotonic_regression(std::span<const double> values,
                                        std::span<const double> weights) {
  if (values.size() != weights.size())
    throw std::invalid_argument("values and weights differ in length");
  for (size_t i = 0; i < values.size(); ++i)
    if (!(weights[i] > 0) || !std::isfinite(weights[i]) || !std::isfinite(values[i]))
      throw std::invalid_argument("isotonic regression needs finite values and positive weights");

  // Blocks of pooled neighbours; a new value that undercuts the block before
  // it merges with it, and the merged block may undercut the one before.
  struct block {
    double weighted_sum, weight;
    size_t size;
    double mean() const { return weighted_sum / weight; }
  };
  std::vector<block> blocks;
  for (size_t i = 0; i < values.size(); ++i) {
    blocks.push_back({values[i] * weights[i], weights[i], 1});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
      const block last = blocks.back();
      blocks.pop_back();
      blocks.back().weighted_sum += last.weighted_sum;
      blocks.back().weight += last.weight;
      blocks.back().size += last.size;
    }
  }
  std::vector<double> fitted;
  fitted.reserve(values.size());
  for (const block &b : blocks)
    fitted.insert(fitted.end(), b.size, b.mean());
  return fitted;
}

std::vector<double> isotonic_rates(std::span<const level_outcomes> levels) {
  std::vector<double> rates, weights;
  for (const level_outcomes &l : levels) {
    if (l.repurchased > l.n) throw std::invalid_argument("repurchases cannot exceed responses");
    if (l.n == 0) continue;
    rates.push_back(static_cast<double>(l.repurchased) / static_cast<double>(l.n));
    weights.push_back(static_cast<double>(l.n));
  }
  const std::vector<double> fitted = isotonic_regression(rates, weights);
  std::vector<double> out;
  out.reserve(levels.size());
  size_t next = 0;
  for (const level_outcomes &l : levels)
    out.push_back(l.n == 0 ? nan : fitted[next++]);
  return out;
}

double brier_score(std::span<const double> forecasts, std::span<const int> outcomes) {
  check_pairs(forecasts, outcomes);
  if (forecasts.empty()) return nan;
  double sum = 0;
  for (size_t i = 0; i < forecasts.size(); ++i)
    sum += (forecasts[i] - outcomes[i]) * (forecasts[i] - outcomes[i]);
  return sum / static_cast<double>(forecasts.size());
}

double log_loss(std::span<const double> forecasts, std::span<const int> outcomes) {
  check_pairs(forecasts, outcomes);
  if (forecasts.empty()) return nan;
  constexpr double eps = std::numeric_limits<double>::epsilon();
  double sum = 0;
  for (size_t i = 0; i < forecasts.size(); ++i) {
    const double f = std::clamp(forecasts[i], eps, 1 - eps);
    sum -= outcomes[i] == 1 ? std::log(f) : std::log1p(-f);
  }
  return sum / static_cast<double>(forecasts.size());
}

std::vector<reliability_bin> reliability_table(std::span<const double> forecasts,
                                               std::span<const int> outcomes, size_t bins) {
  check_pairs(forecasts, outcomes);
  if (bins == 0) throw std::invalid_argument("a reliability table needs at least one bin");
  // The inner edges as numpy.linspace(0, 1, bins + 1) computes them, i·(1/bins),
  // so a forecast on an edge lands in the same bin as in scikit-learn.
  const double step = 1.0 / static_cast<double>(bins);
  struct sums {
    double forecast = 0, outcome = 0;
    uint64_t count = 0;
  };
  std::vector<sums> per_bin(bins);
  for (size_t i = 0; i < forecasts.size(); ++i) {
    size_t bin = 0; // the number of inner edges strictly below the forecast
    while (bin + 1 < bins && static_cast<double>(bin + 1) * step < forecasts[i])
      ++bin;
    per_bin[bin].forecast += forecasts[i];
    per_bin[bin].outcome += outcomes[i];
    ++per_bin[bin].count;
  }
  std::vector<reliability_bin> table;
  for (const sums &s : per_bin)
    if (s.count > 0) {
      const double n = static_cast<double>(s.count);
      table.push_back({s.forecast / n, s.outcome / n, s.count});
    }
  return table;
}

} // namespace rebuy::core::stats
