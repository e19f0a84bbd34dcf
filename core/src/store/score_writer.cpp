#include "store/score_writer.hpp"

#include <algorithm>
#include <cmath>

namespace rebuy::core {
namespace {

// Held back responses before a write: about a page per metric. Analysis
// interrupted in between redoes at most these.
constexpr size_t responses_per_write = scores_per_page;

} // namespace

score_writer::score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers,
                           bool record_progress, bool own_transactions)
    : db_(db), record_progress_(record_progress), own_transactions_(own_transactions), store_(db) {
  std::optional<sql::transaction> tx;
  if (own_transactions_) tx.emplace(db_);
  for (const auto &a : analyzers) {
    identities_.push_back(a.identity);
    first_metric_.push_back(metrics_.size());
    for (const auto &m : a.metrics)
      metrics_.emplace_back(store_, store_.metric_id(a.identity.id, m));
  }
  if (tx) tx->commit();
}

uint64_t score_writer::write(const loaded_batch &batch) {
  std::optional<sql::transaction> tx; // a metric's full page is written as soon as it fills
  if (own_transactions_) tx.emplace(db_);
  // By metric, then response: counted into place per metric (analyzers give a batch's scores in
  // response order), sorted only where an analyzer did not. Stable: of two scores an analyzer
  // gave one response for one metric, the last counts.
  slot_starts_.assign(metrics_.size() + 1, 0);
  for (const auto &s : batch.scores)
    ++slot_starts_[slot(s) + 1];
  for (size_t m = 0; m < metrics_.size(); ++m)
    slot_starts_[m + 1] += slot_starts_[m];
  order_.resize(batch.scores.size());
  slot_ends_.assign(slot_starts_.begin(), slot_starts_.end() - 1);
  for (const auto &s : batch.scores)
    order_[slot_ends_[slot(s)]++] = &s;
  auto by_response = [](const score_row *a, const score_row *b) {
    return a->response_id < b->response_id;
  };
  for (size_t m = 0; m < metrics_.size(); ++m) {
    const auto first = order_.begin() + static_cast<std::ptrdiff_t>(slot_starts_[m]),
               last = order_.begin() + static_cast<std::ptrdiff_t>(slot_starts_[m + 1]);
    if (!std::is_sorted(first, last, by_response)) std::stable_sort(first, last, by_response);
  }
  uint64_t taken = 0;
  for (size_t i = 0; i < order_.size(); ++i) {
    const score_row &s = *order_[i];
    if (i + 1 < order_.size() && order_[i + 1]->analyzer == s.analyzer &&
        order_[i + 1]->metric == s.metric && order_[i + 1]->response_id == s.response_id)
      continue;
    metrics_[slot(s)].add(s.response_id, std::isfinite(s.value) ? s.value : NAN,
                          batch.score_text_of(s.label), batch.score_text_of(s.evidence));
    ++taken;
  }
  if (!batch.responses.empty()) through_ = batch.responses.back().id;
  held_responses_ += batch.responses.size();
  if (held_responses_ >= responses_per_write) flush();
  if (tx) tx->commit();
  return taken;
}

void score_writer::finish() {
  std::optional<sql::transaction> tx;
  if (own_transactions_) tx.emplace(db_);
  flush();
  if (tx) tx->commit();
}

void score_writer::flush() {
  held_responses_ = 0;
  for (auto &m : metrics_)
    m.finish();
  if (through_ && record_progress_) advance_analyzer_state(db_, identities_, through_);
}

} // namespace rebuy::core
