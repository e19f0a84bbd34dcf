#pragma once
// Expected repurchase probability from 5-point intent answers ("Definitely
// would" … "Definitely would not"). Stated intent overstates behaviour, so each
// box gets a weight: the share of its respondents expected to buy again.
// Top-box and top-2-box shares take the Wilson interval (stats/proportion.hpp).
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rebuy::core::stats {

// Weights of the five boxes, top box first.
using box_weights = std::array<double, 5>;

// The two published practitioner presets (methods.md): "thirds" (each box a
// third of the one above, the default of the buy_again analyzer) and "top2"
// (75 % of the top box and 25 % of the second, nobody below).
inline constexpr box_weights thirds_weights{0.81, 0.27, 0.09, 0.03, 0.01};
inline constexpr box_weights top2_weights{0.75, 0.25, 0, 0, 0};

// The preset named "thirds" or "top2"; nullopt for any other name.
std::optional<box_weights> weight_preset(std::string_view name);

// Throws std::invalid_argument unless every weight is in [0, 1] and they do
// not increase from the top box down (a weaker intent never buys more).
void check_weights(const box_weights &weights);

// Respondents per box, top box first.
using box_counts = std::array<uint64_t, 5>;

struct expected_repurchase_rate {
  double rate; // Σ n_k·w_k / n; NaN when n = 0
  // Sampling error of the box mix only, sqrt(Σ n_k(w_k − rate)² / n²); the
  // weights themselves are taken as exact, which they are not.
  double se;
  uint64_t n;
};

// The weighted rate of a sample. Checks the weights like check_weights.
expected_repurchase_rate expected_repurchase(const box_counts &counts, const box_weights &weights);

} // namespace rebuy::core::stats
