#include "store/score_writer.hpp"

#include <cmath>

namespace rebuy::core {

score_writer::score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers)
    : db_(db), analyzers_(std::move(analyzers)),
      insert_(db.prepare("INSERT OR REPLACE INTO scores (response_id, analyzer, metric, "
                         "analyzer_version, value, label, evidence) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) {
  for (const auto &a : analyzers_)
    identities_.push_back(a.identity);
}

uint64_t score_writer::write(const loaded_batch &batch) {
  sql::transaction tx(db_);
  for (const auto &s : batch.scores) {
    const auto &a = analyzers_[s.analyzer];
    insert_.bind(1, s.response_id)
        .bind(2, a.identity.id)
        .bind(3, a.metrics[s.metric])
        .bind(4, a.identity.version);
    if (std::isfinite(s.value))
      insert_.bind(5, s.value);
    else
      insert_.bind_null(5);
    insert_.bind_or_null(6, s.label).bind_or_null(7, s.evidence);
    insert_.run();
  }
  if (!batch.responses.empty()) finished_pages_[batch.sequence] = batch.responses.back().id;
  int64_t through = 0;
  while (!finished_pages_.empty() && finished_pages_.begin()->first == next_page_) {
    through = finished_pages_.begin()->second;
    finished_pages_.erase(finished_pages_.begin());
    ++next_page_;
  }
  if (through) advance_analyzer_state(db_, identities_, through);
  tx.commit();
  return batch.scores.size();
}

} // namespace rebuy::core
