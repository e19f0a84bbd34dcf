#pragma once
// Evidence about repurchase other than a stated intent: a star rating, read
// as a proxy, and the customer's order count, which is observed behaviour.
#include "intent_scale.hpp"

#include <optional>
#include <string_view>

namespace rebuy::buy_again {

struct rating_reading {
  // Where the rating sits between the scale's bottom and top, 0..1:
  // (rating − 1)/(max − 1), so 1★ is 0 and 5★ is 1 (a 0 on a 0-based scale
  // counts as the bottom too).
  std::optional<double> position;
  double rating = 0, max = 0;
  std::string_view problem; // static; empty with a position and for a blank rating
};

// `rating` is a decimal number ("4", "4.5", "5.0") between 0 and max; `max`
// is the REBUY_ROLE_RATING_MAX field, 5 when there is none, and must exceed 1.
rating_reading read_rating(std::string_view rating, std::optional<std::string_view> max);

// The rating-based proxy for the repurchase probability: a rating is read as
// if it were the 5-point intent box of the same position, interpolating
// linearly between boxes (on a 5-star scale 5★ is the top box's weight, 4★
// the second's … 1★ the bottom's; 4.5★ halfway between the top two).
double rating_probability(double position, const box_weights &weights);

struct order_count_reading {
  std::optional<uint64_t> count;
  std::string_view problem;
};

// A whole number of orders ("3", "3.0"); 0 is refused, since the answer
// comes after a purchase and a count without it cannot be told apart from a
// count of earlier orders.
order_count_reading read_order_count(std::string_view text);

} // namespace rebuy::buy_again
