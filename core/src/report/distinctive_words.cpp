#include "report/distinctive_words.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace rebuy::core {

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
  std::vector<const std::pair<const std::string, word_counts> *> words;
  std::vector<uint64_t> a, b, pooled;
  for (const auto &entry : counts) {
    words.push_back(&entry);
    a.push_back(entry.second.a);
    b.push_back(entry.second.b);
    pooled.push_back(entry.second.a + entry.second.b);
  }
  const uint64_t n_a = std::accumulate(a.begin(), a.end(), uint64_t{0});
  const uint64_t n_b = std::accumulate(b.begin(), b.end(), uint64_t{0});
  std::vector<distinctive_word> out;
  if (n_a == 0 || n_b == 0 || words.size() < 2) return out;
  // The pooled counts as the prior: α_w = y_w^a + y_w^b, α₀ = n^a + n^b.
  auto prior = stats::informative_prior(pooled, static_cast<double>(n_a + n_b));
  auto scores = stats::log_odds_dirichlet(a, b, prior);
  for (size_t i = 0; i < words.size(); ++i) {
    const auto &[w, c] = *words[i];
    if (c.a >= 2 && scores[i].z >= 1.96) out.push_back({w, c.a, c.b, scores[i], c.first_a});
  }
  std::sort(out.begin(), out.end(), [](const distinctive_word &x, const distinctive_word &y) {
    return x.score.z != y.score.z ? x.score.z > y.score.z : x.word < y.word;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

} // namespace rebuy::core
