#include "store/analyzer_state.hpp"

#include "store/score_store.hpp"
#include "store/set_aside_keys.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace rebuy::core {

std::vector<int64_t> prepare_analyzer_state(sql::connection &db,
                                            const std::vector<analyzer_identity> &analyzers,
                                            bool rerun) {
  sql::transaction tx(db);
  auto read = db.prepare(
      "SELECT analyzer_version, analyzed_through FROM analyzer_state WHERE analyzer = ?1");
  score_store scores(db);
  auto reset = db.prepare("INSERT INTO analyzer_state (analyzer, analyzer_version, "
                          "analyzed_through) VALUES (?1, ?2, 0) ON CONFLICT (analyzer) DO UPDATE "
                          "SET analyzer_version = excluded.analyzer_version, analyzed_through = 0");
  std::vector<int64_t> through;
  for (const auto &a : analyzers) {
    read.bind(1, a.id);
    bool known = read.step();
    bool current = known && read.column_text(0) == a.version;
    int64_t done = current ? read.column_int(1) : 0;
    read.reset();
    if (rerun || !current) {
      // A new version may score differently or drop metrics: its old scores go.
      scores.forget(a.id);
      reset.bind(1, a.id).bind(2, a.version).run();
      done = 0;
    }
    through.push_back(done);
  }
  tx.commit();
  return through;
}

void advance_analyzer_state(sql::connection &db, const std::vector<analyzer_identity> &analyzers,
                            int64_t through) {
  auto s = db.prepare("UPDATE analyzer_state SET analyzed_through = CASE WHEN analyzed_through "
                      "> ?2 THEN analyzed_through ELSE ?2 END WHERE analyzer = ?1");
  for (const auto &a : analyzers)
    s.bind(1, a.id).bind(2, through).run();
}

int64_t analysis_bound(sql::connection &db) {
  const bool server = db.dialect() == sql::dialect::postgres;
  std::optional<sql::transaction> tx;
  if (server) {
    tx.emplace(db);
    db.prepare("SELECT pg_advisory_xact_lock(" + std::to_string(new_ids_lock) + ")").run();
  }
  auto s = db.prepare("SELECT coalesce(max(id), 0) FROM responses");
  s.step();
  int64_t bound = s.column_int(0);
  s.reset();
  if (tx) tx->commit();
  // Nor past a response whose key waits: analysis finds responses by their keys too.
  if (const int64_t waiting = first_set_aside_id(db)) bound = std::min(bound, waiting - 1);
  return bound;
}

int64_t analyzed_through(sql::connection &db) {
  auto s = db.prepare("SELECT coalesce(max(analyzed_through), 0) FROM analyzer_state WHERE "
                      "analyzer <> 'rebuy'");
  s.step();
  return s.column_int(0);
}

} // namespace rebuy::core
