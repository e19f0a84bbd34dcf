#include "stats/log_odds.hpp"

#include <cmath>
#include <stdexcept>

namespace rebuy::core::stats {

std::vector<word_log_odds> log_odds_dirichlet(std::span<const uint64_t> counts_a,
                                              std::span<const uint64_t> counts_b,
                                              std::span<const double> prior) {
  if (counts_a.size() != counts_b.size() || counts_a.size() != prior.size())
    throw std::invalid_argument("word counts and prior differ in length");
  if (prior.size() < 2) throw std::invalid_argument("log-odds need at least two words");
  double n_a = 0, n_b = 0, alpha0 = 0;
  for (size_t w = 0; w < prior.size(); ++w) {
    if (!(prior[w] > 0) || !std::isfinite(prior[w]))
      throw std::invalid_argument("every prior count must be positive and finite");
    n_a += static_cast<double>(counts_a[w]);
    n_b += static_cast<double>(counts_b[w]);
    alpha0 += prior[w];
  }
  std::vector<word_log_odds> out;
  out.reserve(prior.size());
  for (size_t w = 0; w < prior.size(); ++w) {
    const double a = static_cast<double>(counts_a[w]) + prior[w];
    const double b = static_cast<double>(counts_b[w]) + prior[w];
    // Positive: the other words' prior counts are in the complement.
    const double delta = std::log(a / (n_a + alpha0 - a)) - std::log(b / (n_b + alpha0 - b));
    const double variance = 1 / a + 1 / b;
    out.push_back({delta, variance, delta / std::sqrt(variance)});
  }
  return out;
}

std::vector<double> informative_prior(std::span<const uint64_t> background, double alpha0) {
  if (!(alpha0 > 0) || !std::isfinite(alpha0))
    throw std::invalid_argument("the prior's total count must be positive and finite");
  double total = 0;
  for (uint64_t c : background) {
    if (c == 0) throw std::invalid_argument("every word needs a positive background count");
    total += static_cast<double>(c);
  }
  std::vector<double> prior;
  prior.reserve(background.size());
  for (uint64_t c : background)
    prior.push_back(alpha0 * static_cast<double>(c) / total);
  return prior;
}

} // namespace rebuy::core::stats
