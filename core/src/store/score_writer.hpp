#pragma once
// Writes analysis results: each page's scores in one transaction, and how far
// the analyzers have come. Batches come in the order they were read (the
// analysis pipeline puts back in order what its workers finish out of order).
#include "store/analyzer_state.hpp"
#include "store/loaded_batch.hpp"
#include "store/score_store.hpp"

#include <optional>
#include <vector>

namespace rebuy::core {

struct analyzer_metrics {
  analyzer_identity identity;
  std::vector<std::string> metrics;
};

// Scores are held back over a few batches, so that each page of a metric holds
// thousands of responses: a page costs half a database page of slack, and
// deflate finds more to share in a larger one.
class score_writer {
public:
  // With `record_progress`, the analyzers' state advances as pages are written;
  // without, whoever shares the work records it (store/analysis_chunks.hpp). Without
  // `own_transactions`, writes go into the caller's open transaction (an import's).
  score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers,
               bool record_progress = true, bool own_transactions = true);
  // Takes a batch's scores, batches in id order; returns how many.
  uint64_t write(const loaded_batch &batch);
  // Writes what is held back; call after the last batch.
  void finish();

private:
  // Writes what is held back and records progress, inside the caller's transaction.
  void flush();

  sql::connection &db_;
  bool record_progress_, own_transactions_;
  score_store store_;
  std::vector<analyzer_identity> identities_;
  std::vector<metric_appender> metrics_; // [first_metric_[analyzer] + metric]
  std::vector<size_t> first_metric_;
  std::vector<const score_row *> order_;        // a batch's scores by metric, then response
  std::vector<size_t> slot_starts_, slot_ends_; // each metric's range in order_
  size_t slot(const score_row &s) const { return first_metric_[s.analyzer] + s.metric; }
  size_t held_responses_ = 0;
  int64_t through_ = 0; // every response up to here was analyzed
};

} // namespace rebuy::core
