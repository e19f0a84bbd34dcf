#include "stats/proportion.hpp"

#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

void check_counts(uint64_t successes, uint64_t n) {
  if (successes > n) throw std::invalid_argument("successes cannot exceed the sample size");
}

} // namespace

interval wilson(uint64_t successes, uint64_t n, double confidence) {
  check_counts(successes, n);
  const double z = z_for_confidence(confidence);
  if (n == 0) return {0, 1};
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double z2 = z * z;
  const double centre = p + z2 / (2 * nn);
  const double spread = z * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  const double scale = 1 + z2 / nn;
  // At 0/n and n/n the outer bound is exactly 0 or 1 analytically; set it so
  // rounding cannot leave a report saying "up to 99.99999 %".
  const double low = successes == 0 ? 0.0 : (centre - spread) / scale;
  const double high = successes == n ? 1.0 : (centre + spread) / scale;
  return {std::max(0.0, low), std::min(1.0, high)};
}

two_sample_test proportion_difference(uint64_t successes_a, uint64_t n_a, uint64_t successes_b,
                                      uint64_t n_b) {
  check_counts(successes_a, n_a);
  check_counts(successes_b, n_b);
  if (n_a == 0 || n_b == 0) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan};
  }
  const double na = static_cast<double>(n_a), nb = static_cast<double>(n_b);
  const double difference =
      static_cast<double>(successes_a) / na - static_cast<double>(successes_b) / nb;
  const double pooled = static_cast<double>(successes_a + successes_b) / (na + nb);
  const double variance = pooled * (1 - pooled) * (1 / na + 1 / nb);
  if (variance == 0) return {0, 0, 1};
  const double z = difference / std::sqrt(variance);
  return {difference, z, two_sided_p_value(z)};
}

} // namespace rebuy::core::stats
