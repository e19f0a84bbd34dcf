#include "stats/repurchase.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace rebuy::core::stats {

std::optional<box_weights> weight_preset(std::string_view name) {
  if (name == "thirds") return thirds_weights;
  if (name == "top2") return top2_weights;
  return std::nullopt;
}

void check_weights(const box_weights &weights) {
  for (size_t k = 0; k < weights.size(); ++k) {
    if (!(weights[k] >= 0 && weights[k] <= 1))
      throw std::invalid_argument("a box weight must be between 0 and 1");
    if (k > 0 && weights[k] > weights[k - 1])
      throw std::invalid_argument("box weights must not increase from the top box down");
  }
}

expected_repurchase_rate expected_repurchase(const box_counts &counts, const box_weights &weights) {
  check_weights(weights);
  uint64_t n = 0;
  double sum = 0;
  for (size_t k = 0; k < counts.size(); ++k) {
    n += counts[k];
    sum += static_cast<double>(counts[k]) * weights[k];
  }
  if (n == 0) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, 0};
  }
  const double nn = static_cast<double>(n);
  const double rate = sum / nn;
  double squares = 0;
  for (size_t k = 0; k < counts.size(); ++k)
    squares += static_cast<double>(counts[k]) * (weights[k] - rate) * (weights[k] - rate);
  return {rate, std::sqrt(squares / nn / nn), n};
}

} // namespace rebuy::core::stats
