#pragma once
// Scores in tests, as a plain table: a test writes rows into `temp.scores`
// (the columns scores had before the store kept them as pages) and packs them,
// or unpacks the store's pages into it to count them with SQL.
#include "store/score_store.hpp"

#include <cmath>
#include <string_view>

namespace rebuy::test {

inline void create_score_table(core::sql::connection &db) {
  db.exec("DROP TABLE IF EXISTS temp.scores; CREATE TEMP TABLE scores (response_id INTEGER, "
          "analyzer TEXT, metric TEXT, analyzer_version TEXT, value REAL, label TEXT, "
          "evidence TEXT)");
}

// Writes temp.scores into the store, and drops it.
inline void pack_scores(core::sql::connection &db) {
  core::pack_score_rows(db, "temp.scores");
  db.exec("DROP TABLE temp.scores");
}

// temp.scores from what the store holds now.
inline void unpack_scores(core::sql::connection &db) {
  create_score_table(db);
  core::sql::transaction tx(db, /*immediate=*/false); // one commit, not one per score
  auto insert = db.prepare("INSERT INTO temp.scores (response_id, analyzer, metric, value, "
                           "label, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto &m : core::stored_metrics(db)) {
    core::metric_reader scores(db, m.id, /*with_evidence=*/true);
    while (const core::page_score *s = scores.next()) {
      insert.bind(1, s->response_id).bind(2, std::string_view(m.analyzer));
      insert.bind(3, std::string_view(m.metric));
      std::isnan(s->value) ? insert.bind_null(4) : insert.bind(4, s->value);
      insert.bind_or_null(5, s->label).bind_or_null(6, s->evidence).run();
    }
  }
  tx.commit();
}

// One score, written as the store writes scores.
inline void add_score(core::sql::connection &db, int64_t response_id, std::string_view analyzer,
                      std::string_view metric, double value, std::string_view label = {},
                      std::string_view evidence = {}) {
  core::score_store store(db);
  const core::page_score score{response_id, value, label, evidence};
  store.write(store.metric_id(analyzer, metric), {&score, 1});
}

} // namespace rebuy::test
