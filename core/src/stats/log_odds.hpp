#pragma once
// Which words set one group of responses apart from another (e.g. would not
// buy again vs would): the log-odds ratio with an informative Dirichlet prior
// of Monroe, Colaresi & Quinn (2008), "Fightin' Words". The prior keeps rare
// words from topping the list on a count of one or two.
#include <cstdint>
#include <span>
#include <vector>

namespace rebuy::core::stats {

struct word_log_odds {
  // log((y_a + α)/(n_a + α₀ − y_a − α)) − log((y_b + α)/(n_b + α₀ − y_b − α)):
  // positive when the word is more typical of group a.
  double delta;
  double variance; // ≈ 1/(y_a + α) + 1/(y_b + α)
  double z;        // delta / sqrt(variance): rank by this
};

// counts_a[w], counts_b[w] and prior[w] describe word w; n_a, n_b and α₀ are
// their sums. Throws std::invalid_argument when the spans differ in length,
// there are fewer than two words, or a prior count is not positive and finite.
std::vector<word_log_odds> log_odds_dirichlet(std::span<const uint64_t> counts_a,
                                              std::span<const uint64_t> counts_b,
                                              std::span<const double> prior);

// The informative prior: α_w = α₀ · background_w / Σ background, the
// background usually being both groups pooled. Throws std::invalid_argument
// unless α₀ > 0 and every background count is positive (a word with none
// would get no prior; drop it or pool it first).
std::vector<double> informative_prior(std::span<const uint64_t> background, double alpha0);

} // namespace rebuy::core::stats
