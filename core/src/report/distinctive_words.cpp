#include "report/distinctive_words.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace rebuy::core {

std::span<const std::string_view> stop_words() {
  // Sorted by bytes: function words and review boilerplate of English,
  // Portuguese, Spanish, German and French that say nothing about why a
  // customer leaves. Negations stay ("not", "never", "não", "nicht", "jamais").
  static constexpr std::array<std::string_view, 196> stop = {
      "aber",     "about",    "after",      "again",   "all",      "also",    "and",    "any",
      "are",      "auch",     "auf",        "aux",     "avec",     "because", "been",   "before",
      "bei",      "being",    "bestellung", "but",     "can",      "ces",     "cette",  "com",
      "commande", "como",     "con",        "could",   "customer", "dans",    "das",    "del",
      "dem",      "den",      "der",        "des",     "did",      "die",     "does",   "doing",
      "dos",      "during",   "each",       "ein",     "eine",     "einem",   "einen",  "ela",
      "ele",      "elle",     "era",        "esa",     "ese",      "essa",    "esse",   "est",
      "esta",     "este",     "está",       "foi",     "for",      "from",    "fue",    "für",
      "get",      "got",      "habe",       "had",     "has",      "hat",     "have",   "her",
      "here",     "him",      "his",        "how",     "i'm",      "i've",    "ich",    "into",
      "isso",     "ist",      "it's",       "its",     "just",     "las",     "les",    "let",
      "los",      "mais",     "mas",        "meu",     "minha",    "mit",     "mon",    "more",
      "most",     "much",     "muito",      "muy",     "my",       "myself",  "más",    "nach",
      "nas",      "noch",     "nos",        "nous",    "now",      "off",     "once",   "one",
      "only",     "order",    "ordered",    "other",   "our",      "out",     "over",   "own",
      "par",      "para",     "pedido",     "pela",    "pelo",     "pero",    "por",    "pour",
      "product",  "producto", "produit",    "produkt", "produto",  "que",     "qui",    "same",
      "sehr",     "ses",      "seu",        "she",     "should",   "sich",    "sie",    "some",
      "son",      "sua",      "such",       "sur",     "sus",      "são",     "também", "tem",
      "than",     "that",     "the",        "their",   "them",     "then",    "there",  "these",
      "they",     "this",     "those",      "through", "too",      "très",    "uma",    "una",
      "und",      "under",    "une",        "until",   "very",     "von",     "vous",   "war",
      "was",      "way",      "were",       "what",    "when",     "where",   "which",  "while",
      "who",      "why",      "wie",        "will",    "wir",      "with",    "would",  "wurde",
      "you",      "your",     "était",      "été"};
  return stop;
}

bool is_stop_word(std::string_view word) {
  const auto stop = stop_words();
  return std::binary_search(stop.begin(), stop.end(), word);
}

std::vector<distinctive_word> most_distinctive(const flat_string_map<word_counts> &counts,
                                               size_t limit) {
  // In the words' order, so that the prior's sums come out the same whatever order the words
  // were met in.
  std::vector<size_t> words;
  for (size_t i = 0; i < counts.size(); ++i)
    if (!counts.value(i).stop) words.push_back(i);
  std::sort(words.begin(), words.end(),
            [&counts](size_t x, size_t y) { return counts.key(x) < counts.key(y); });
  std::vector<uint64_t> a, b, pooled;
  for (size_t i : words) {
    const word_counts &c = counts.value(i);
    a.push_back(c.a);
    b.push_back(c.b);
    pooled.push_back(c.a + c.b);
  }
  const uint64_t n_a = std::accumulate(a.begin(), a.end(), uint64_t{0});
  const uint64_t n_b = std::accumulate(b.begin(), b.end(), uint64_t{0});
  std::vector<distinctive_word> out;
  if (n_a == 0 || n_b == 0 || words.size() < 2) return out;
  // The pooled counts as the prior: α_w = y_w^a + y_w^b, α₀ = n^a + n^b.
  auto prior = stats::informative_prior(pooled, static_cast<double>(n_a + n_b));
  auto scores = stats::log_odds_dirichlet(a, b, prior);
  for (size_t i = 0; i < words.size(); ++i) {
    const word_counts &c = counts.value(words[i]);
    if (c.a >= 2 && scores[i].z >= 1.96)
      out.push_back({std::string(counts.key(words[i])), c.a, c.b, scores[i], c.example});
  }
  std::sort(out.begin(), out.end(), [](const distinctive_word &x, const distinctive_word &y) {
    return x.score.z != y.score.z ? x.score.z > y.score.z : x.word < y.word;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

} // namespace rebuy::core
