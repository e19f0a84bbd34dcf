#pragma once
// The text-only would-buy-again probability: a fixed logistic combination of the sentiment and
// the two phrase signals. The weights were chosen on the development half of the review files
// and are reported on the other half (docs/accuracy.md); they are not refitted per data set.
#include <cmath>

namespace rebuy::text_signals {

struct buy_again_model {
  static constexpr double intercept = 0.5;
  static constexpr double sentiment = 3.0;  // per unit of compound sentiment, -1..1
  static constexpr double repurchase = 2.5; // per unit of repurchase signal, -1..1
  static constexpr double referral = 1.5;   // per unit of referral signal, -1..1

  // Absent signals count as 0.
  static double probability(double sentiment_value, double repurchase_value,
                            double referral_value) noexcept {
    const double z = intercept + sentiment * sentiment_value + repurchase * repurchase_value +
                     referral * referral_value;
    return 1.0 / (1.0 + std::exp(-z));
  }
};

} // namespace rebuy::text_signals
