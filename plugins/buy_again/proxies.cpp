#include "proxies.hpp"

#include <rebuy/text_util.hpp>

#include <algorithm>
#include <cmath>

namespace rebuy::buy_again {

rating_reading read_rating(std::string_view rating, std::optional<std::string_view> max_text) {
  const rating_value r = read_rating_value(rating, max_text);
  if (!r.valid) return {std::nullopt, r.rating, r.max, r.problem};
  return {std::max(0.0, (r.rating - 1) / (r.max - 1)), r.rating, r.max, {}};
}

double rating_probability(double position, const box_weights &weights) {
  // Boxes from the bottom: position 0 is weights[4], 1 is weights[0].
  const double x = std::clamp(position, 0.0, 1.0) * 4;
  const int below = std::min(3, static_cast<int>(std::floor(x)));
  const double fraction = x - below;
  return weights[4 - below] * (1 - fraction) + weights[3 - below] * fraction;
}

order_count_reading read_order_count(std::string_view text) {
  if (trim_ascii(text).empty()) return {};
  const std::optional<double> value = read_decimal(text);
  if (!value || *value != std::floor(*value) || *value > 1e15)
    return {std::nullopt, "is not a whole number"};
  if (*value == 0) return {std::nullopt, "is 0 (should include the order the answer followed)"};
  return {static_cast<uint64_t>(*value), {}};
}

} // namespace rebuy::buy_again
