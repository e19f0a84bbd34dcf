#include "report/distinctive_words.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace rebuy::core {

log_odds monroe_log_odds(double y_a, double y_b, double n_a, double n_b, double alpha_w,
                         double alpha_0) {
  double delta = std::log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w)) -
                 std::log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w));
  double variance = 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w);
  return {delta, delta / std::sqrt(variance)};
}

bool is_stop_word(std::string_view word) {
  // Sorted: English function words and review boilerplate that say nothing
  // about why a customer leaves. Negations stay ("not", "never", "won't").
  static constexpr std::array<std::string_view, 94> stop = {
      "about", "after",  "again",   "all",     "also",  "and",   "any",      "are",   "because",
      "been",  "before", "being",   "but",     "can",   "could", "customer", "did",   "does",
      "doing", "during", "each",    "for",     "from",  "get",   "got",      "had",   "has",
      "have",  "her",    "here",    "him",     "his",   "how",   "i'm",      "i've",  "into",
      "it's",  "its",    "just",    "let",     "more",  "most",  "much",     "my",    "myself",
      "now",   "off",    "once",    "one",     "only",  "order", "ordered",  "other", "our",
      "out",   "over",   "own",     "product", "same",  "she",   "should",   "some",  "such",
      "than",  "that",   "the",     "their",   "them",  "then",  "there",    "these", "they",
      "this",  "those",  "through", "too",     "under", "until", "very",     "was",   "way",
      "were",  "what",   "when",    "where",   "which", "while", "who",      "why",   "will",
      "with",  "would",  "you",     "your"};
  return std::binary_search(stop.begin(), stop.end(), word);
}

std::vector<distinctive_word> most_distinctive(const string_map<word_counts> &counts,
                                               size_t limit) {
  double n_a = 0, n_b = 0;
  for (const auto &[w, c] : counts)
    n_a += static_cast<double>(c.a), n_b += static_cast<double>(c.b);
  std::vector<distinctive_word> out;
  if (n_a == 0 || n_b == 0) return out;
  for (const auto &[w, c] : counts) {
    if (c.a < 2) continue;
    const double alpha_0 = n_a + n_b, alpha_w = static_cast<double>(c.a + c.b);
    auto score = monroe_log_odds(static_cast<double>(c.a), static_cast<double>(c.b), n_a, n_b,
                                 alpha_w, alpha_0);
    if (score.z >= 1.96) out.push_back({w, c.a, c.b, score, c.first_a});
  }
  std::sort(out.begin(), out.end(), [](const distinctive_word &x, const distinctive_word &y) {
    return x.score.z != y.score.z ? x.score.z > y.score.z : x.word < y.word;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

} // namespace rebuy::core
