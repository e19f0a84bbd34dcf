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
#include "store/response_ref.hpp"
#include "store/score_store.hpp"
#include "store/sql.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
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

// What the text model reads of a response with a text: the analyzers' readings (NaN where the
// analyzer gave none) and the response's own rating.
struct text_readings {
  double answer = NAN;    // buy_again/buy_again_top2_box
  double recommend = NAN; // nps/would_recommend
  double nps_class = NAN; // nps/nps_class
  double lexicon = NAN;   // text_signals/text_buy_again_probability
  std::optional<double> rating, rating_max;
};

// The (analyzer, metric) of each of text_readings' readings, in its order.
inline constexpr std::array<std::array<const char *, 2>, 4> text_reading_metrics = {{
    {"buy_again", "buy_again_top2_box"},
    {"nps", "would_recommend"},
    {"nps", "nps_class"},
    {"text_signals", "text_buy_again_probability"},
}};

// A text with a verdict, as the text model learns from it.
struct labelled_text {
  response_ref ref;
  int label; // 1 would buy again, 0 would not
  double lexicon;
};

// The responses with a text in a run of ids, as the text model finds them before it learns: how
// many have a verdict, the ones it would learn from, the ones it scores.
class text_walk {
public:
  // The next response with a text; ids ascending, and above those of the walk so far.
  void add(const response_ref &ref, std::string_view source, const text_readings &r);
  // Adds a walk of higher ids.
  void add(const text_walk &later);

  uint64_t labelled() const { return labelled_; }
  uint64_t positives() const { return positives_; } // of the labelled, would buy again
  // The texts to learn from (all labelled ones, or the max_model_texts first by key hash), in
  // chosen_before order.
  std::vector<labelled_text> learnt() const;
  const std::vector<unlabelled_text> &unlabelled() const { return unlabelled_; }
  std::vector<unlabelled_text> &unlabelled() { return unlabelled_; }
  // Labelled texts per source and per kind of verdict.
  const std::map<std::string, uint64_t, std::less<>> &sources() const { return sources_; }
  const std::map<std::string, uint64_t, std::less<>> &kinds() const { return kinds_; }

private:
  void offer(const labelled_text &t);

  uint64_t labelled_ = 0, positives_ = 0;
  // The labelled texts that come first in chosen_before order, at most max_model_texts of them,
  // as a heap whose top comes last. A key's hash is as good as random: of more texts, they are an
  // even sample, the same whichever order the responses arrived in, found in one pass and in flat
  // memory however many texts the store holds.
  std::vector<labelled_text> first_;
  std::vector<unlabelled_text> unlabelled_;
  std::map<std::string, uint64_t, std::less<>> sources_, kinds_;
};

// A walk made beside an import, of the responses it stored with ids in (after, last]
// (pipeline/import_analysis.hpp): the text model then walks only the rest of the store.
struct text_walk_beside {
  int64_t after = 0, last = 0;
  text_walk walk;
  // The import's connection's PRAGMA data_version once it committed: it changes when another
  // connection commits (imports and analysis beside them are on SQLite alone).
  std::string data_version;
};

struct learnt_text_model {
  text_model_summary summary;
  stats::sparse_logistic model{size_t{1} << model_feature_bits}; // fitted when summary.used
  std::vector<unlabelled_text> unlabelled;                       // in id order
};

// Learns the model from the analyzers' scores and the texts; reads only, so any connection to the
// store will do. With `beside`, the responses it covers are not walked again.
learnt_text_model learn_text_model(sql::connection &db, const text_walk_beside *beside = nullptr);
// Writes rebuy/text_model_probability for the texts without a verdict, when the model is used
// (inside the caller's transaction).
void score_unlabelled_texts(sql::connection &db, score_store &store, const learnt_text_model &m);
// Both, on one connection (after the analyzers' scores are in).
text_model_summary fit_text_model(sql::connection &db, score_store &store);

// Kept in the store (settings.text_model, JSON) for reports.
void store_text_model_summary(sql::connection &db, const text_model_summary &s);
std::optional<text_model_summary> stored_text_model_summary(sql::connection &db);

} // namespace rebuy::core
