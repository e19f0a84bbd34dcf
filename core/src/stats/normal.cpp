#include "stats/normal.hpp"

#include <boost/math/distributions/normal.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace rebuy::core::stats {

double z_for_confidence(double confidence) {
  // Written so that NaN fails too.
  if (!(confidence > 0 && confidence < 1))
    throw std::invalid_argument("confidence must be strictly between 0 and 1");
  // The upper-tail form keeps full precision for confidences close to 1.
  const double tail = (1 - confidence) / 2;
  return boost::math::quantile(boost::math::complement(boost::math::normal(), tail));
}

double two_sided_p_value(double z) {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(z)) return 0;
  return 2 * boost::math::cdf(boost::math::complement(boost::math::normal(), std::fabs(z)));
}

double normal_cdf(double z) {
  if (std::isnan(z)) return std::numeric_limits<double>::quiet_NaN();
  if (std::isinf(z)) return z > 0 ? 1 : 0;
  return boost::math::cdf(boost::math::normal(), z);
}

double normal_quantile(double p) {
  if (!(p > 0 && p < 1)) throw std::invalid_argument("a normal quantile needs 0 < p < 1");
  return boost::math::quantile(boost::math::normal(), p);
}

} // namespace rebuy::core::stats
