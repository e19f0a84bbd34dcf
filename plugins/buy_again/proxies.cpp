#include "proxies.hpp"

#include "text_fold.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace rebuy::buy_again {
namespace {

// A plain decimal number: digits with an optional fraction; no sign, no
// exponent, no decimal comma ("4,5" could be a list as well).
std::optional<double> read_decimal(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.find_first_not_of("0123456789.") != std::string_view::npos) return {};
  double value = 0;
  const auto [end, error] =
      std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return {};
  return value;
}

} // namespace

rating_reading read_rating(std::string_view rating, std::optional<std::string_view> max_text) {
  if (trim(rating).empty()) return {};
  const std::optional<double> value = read_decimal(rating);
  if (!value) return {std::nullopt, 0, 0, "is not a number"};
  double max = 5;
  if (max_text && !trim(*max_text).empty()) {
    const std::optional<double> m = read_decimal(*max_text);
    if (!m || *m <= 1)
      return {std::nullopt, *value, 0, "has a maximum that is not a number above 1"};
    max = *m;
  }
  if (*value > max) return {std::nullopt, *value, max, "is above the rating's maximum"};
  return {std::max(0.0, (*value - 1) / (max - 1)), *value, max, {}};
}

double rating_probability(double position, const box_weights &weights) {
  // Boxes from the bottom: position 0 is weights[4], 1 is weights[0].
  const double x = std::clamp(position, 0.0, 1.0) * 4;
  const int below = std::min(3, static_cast<int>(std::floor(x)));
  const double fraction = x - below;
  return weights[4 - below] * (1 - fraction) + weights[3 - below] * fraction;
}

order_count_reading read_order_count(std::string_view text) {
  if (trim(text).empty()) return {};
  const std::optional<double> value = read_decimal(text);
  if (!value || *value != std::floor(*value) || *value > 1e15)
    return {std::nullopt, "is not a whole number"};
  if (*value == 0) return {std::nullopt, "is 0 (should include the order the answer followed)"};
  return {static_cast<uint64_t>(*value), {}};
}

} // namespace rebuy::buy_again
