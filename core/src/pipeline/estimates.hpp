#pragma once
// rebuy's own per-response estimates, derived after the analyzer plugins ran:
// whether the customer actually ordered again (from the orders table), and one
// would-buy-again probability that takes the strongest evidence a response
// has, in a stated order. Stored as scores of the analyzer "rebuy".
#include "pipeline/text_model.hpp"
#include "store/score_store.hpp"
#include "store/sql.hpp"

#include <cstdint>

namespace rebuy::core {

inline constexpr const char *estimates_version = "1";

struct estimate_options {
  int horizon_days = 90; // "ordered again" means within this many days after responding
  // α of order_count_probability: pseudo-responses at the overall rate that
  // the rate of a group of customers (first-time or repeat) is shrunk toward.
  double order_count_shrinkage = 10;
  // α of the rating calibration (rating_calibration.hpp): pseudo-responses at the analyzer's
  // default reading of a rating that the store's own pairs at that rating are shrunk toward.
  double rating_shrinkage = 10;
};

struct estimate_outcome {
  uint64_t observed = 0;  // responses whose later ordering is known
  uint64_t estimated = 0; // responses with a would-buy-again probability
};

// Recomputes every estimate from the current scores and orders: they change
// whenever either does, and one pass over the store in response order is cheap.
//   ordered_again          1 when the customer ordered again within the horizon after the
//                          response, 0 when not and the orders cover the whole horizon;
//                          absent when the customer has no orders or the horizon is not over.
//   order_count_probability  for a response without ordered_again that gave its order count
//                          (buy_again.repeat_customer): the share of responses of the same group
//                          (first-time or repeat customers) with a known outcome that ordered
//                          again, shrunk toward the share of all of them (order_count_shrinkage);
//                          absent when no response with an order count has a known outcome.
//   buy_again_probability  the first of: the explicit answer (buy_again.answer_probability),
//                          the observed behaviour (ordered_again, then
//                          order_count_probability), the star rating
//                          (buy_again.rating_probability, calibrated on the store's ratings
//                          beside orders or answers where it has enough), the text
//                          (rebuy.text_model_probability, the store's own text model blended
//                          with the lexicon, where text_model.hpp could fit one; else
//                          text_signals.text_buy_again_probability).
//   buy_again_basis        label: answer, orders (ordered_again or order_count_probability, the
//                          evidence says which), rating, text or none.
// With `walked`, the text model does not walk again the responses an import walked beside it.
estimate_outcome derive_estimates(sql::connection &db, const estimate_options &options = {},
                                  const text_walk_beside *walked = nullptr);

// The horizon of "ordered again" kept in the store (settings.horizon_days), 90 days unless set.
int stored_horizon_days(sql::connection &db);
// Keeps `days` (1 to 3650, else usage_error) as the store's horizon.
void store_horizon_days(sql::connection &db, int days);

} // namespace rebuy::core
