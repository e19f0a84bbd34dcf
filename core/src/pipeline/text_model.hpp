#pragma once
// A text model learnt from the store's own labelled texts. Where responses hold a text together
// with a verdict (a would-buy-again answer, a yes/no recommendation, a star rating or an NPS
// class), `rebuy analyze` fits an L2-regularised logistic regression on hashed words and word
// pairs of those texts, measures it by 5-fold cross-validation, learns on the out-of-fold
// predictions how to blend it with the lexicon's text_buy_again_probability, and scores every
// text without a verdict with the blend (rebuy/text_model_probability). Nothing is downloaded;
// the same store gives the same scores on every run. Below min_model_texts labelled texts, when
// the blend's cross-validated AUC cannot be told from chance (its 95 % interval reaches 0.5),
// or when the blend does not read the labelled texts better than the lexicon alone (by
// min_model_gain of cross-validated AUC), the model is not used, and the summary says why.
#include "stats/logistic.hpp"
#include "store/score_store.hpp"
#include "store/sql.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rebuy::core {

inline constexpr uint64_t min_model_texts = 200;   // labelled texts, at least
inline constexpr uint64_t min_model_class = 20;    // of each verdict
inline constexpr uint64_t max_model_texts = 20000; // learnt from: of more, the first by key hash
inline constexpr unsigned model_feature_bits = 20; // hashed features: 2^20 weights
// The cross-validated AUC the blend must gain over the lexicon alone to be used.
inline constexpr double min_model_gain = 0.01;

struct text_model_summary {
  bool used = false;
  std::string reason;      // why not, when not used
  uint64_t labelled = 0;   // texts with a verdict in the store
  uint64_t learnt = 0;     // of them, learnt from (all, or the first by key hash)
  uint64_t positives = 0;  // of the learnt, would buy again
  uint64_t unlabelled = 0; // texts without a verdict: what the model scores
  std::vector<std::pair<std::string, uint64_t>> sources; // labelled texts per source
  std::vector<std::pair<std::string, uint64_t>> labels;  // labelled texts per kind of verdict
  double model_auc = NAN;                                // cross-validated, the model alone
  double lexicon_auc = NAN; // the lexicon on the same texts (no score: 0.5)
  double blend_auc = NAN;   // cross-validated, the blend
  double intercept = 0, model_weight = 0, lexicon_weight = 0; // of the blend, on logits
};

// A text without a verdict, which the model scores.
struct unlabelled_text {
  int64_t id;
  double lexicon; // text_signals' reading, NaN when silent
};

struct learnt_text_model {
  text_model_summary summary;
  stats::sparse_logistic model{size_t{1} << model_feature_bits}; // fitted when summary.used
  std::vector<unlabelled_text> unlabelled;                       // in id order
};

// Learns the model from the analyzers' scores and the texts; reads only, so any connection to the
// store will do.
learnt_text_model learn_text_model(sql::connection &db);
// Writes rebuy/text_model_probability for the texts without a verdict, when the model is used
// (inside the caller's transaction).
void score_unlabelled_texts(sql::connection &db, score_store &store, const learnt_text_model &m);
// Both, on one connection (after the analyzers' scores are in).
text_model_summary fit_text_model(sql::connection &db, score_store &store);

// Kept in the store (settings.text_model, JSON) for reports.
void store_text_model_summary(sql::connection &db, const text_model_summary &s);
std::optional<text_model_summary> stored_text_model_summary(sql::connection &db);

} // namespace rebuy::core
