#include "store/score_writer.hpp"

#include <cmath>

namespace rebuy::core {

score_writer::score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers)
    : db_(db), analyzers_(std::move(analyzers)),
      clear_(db.prepare("DELETE FROM scores WHERE response_id = ?1 AND analyzer = ?2")),
      insert_(db.prepare("INSERT OR REPLACE INTO scores (response_id, analyzer, metric, "
                         "analyzer_version, value, label, evidence) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")),
      mark_(db.prepare("INSERT OR REPLACE INTO analyses (analyzer, response_id, analyzer_version) "
                       "VALUES (?1, ?2, ?3)")) {}

uint64_t score_writer::write(const loaded_batch &batch) {
  sql::transaction tx(db_);
  // Old scores of a re-analysed response go first: a metric may no longer apply.
  for (const auto &[a, response_id] : batch.analyzed) {
    clear_.bind(1, response_id).bind(2, analyzers_[a].identity.id).run();
    mark_.bind(1, analyzers_[a].identity.id)
        .bind(2, response_id)
        .bind(3, analyzers_[a].identity.version)
        .run();
  }
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
  tx.commit();
  return batch.scores.size();
}

void forget_analyses(sql::connection &db, const std::vector<analyzer_identity> &analyzers) {
  sql::transaction tx(db);
  auto scores = db.prepare("DELETE FROM scores WHERE analyzer = ?1");
  auto analyses = db.prepare("DELETE FROM analyses WHERE analyzer = ?1");
  for (const auto &a : analyzers) {
    scores.bind(1, a.id).run();
    analyses.bind(1, a.id).run();
  }
  tx.commit();
}

} // namespace rebuy::core
