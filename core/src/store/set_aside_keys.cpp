#include "store/set_aside_keys.hpp"

#include "store/row_feed.hpp"
#include "util/phase_timer.hpp"

#include <spdlog/spdlog.h>

#include <functional>
#include <queue>
#include <tuple>
#include <vector>

namespace rebuy::core {

void merge_set_aside_keys(sql::connection &db, int64_t run_id) {
  if (db.dialect() != sql::dialect::sqlite) return;
  phase_timer timer("merging the import's keys");
  sql::transaction tx(db);
  std::vector<int64_t> parts;
  {
    auto s = db.prepare("SELECT part FROM import_key_parts WHERE run_id = ?1 ORDER BY part");
    s.bind(1, run_id);
    while (s.step())
      parts.push_back(s.column_int(0));
  }
  if (parts.empty()) return;

  // Each part is in key order: the smallest of their heads goes next, so response_keys
  // takes the run's keys in its own order, and each of its pages is written once.
  {
    std::vector<sql::statement> cursors;
    using head = std::tuple<int64_t, int64_t, size_t>; // key_hash, id, cursor
    std::priority_queue<head, std::vector<head>, std::greater<>> heads;
    auto advance = [&](size_t c) {
      if (cursors[c].step()) heads.emplace(cursors[c].column_int(0), cursors[c].column_int(1), c);
    };
    for (size_t c = 0; c < parts.size(); ++c) {
      cursors.push_back(
          db.prepare("SELECT key_hash, id FROM import_keys WHERE part = ?1 ORDER BY key_hash, id"));
      cursors.back().bind(1, parts[c]);
      advance(c);
    }
    register_row_feed(db, "rebuy_merged_keys", "key_hash, id");
    int_pair_rows merged;
    auto insert = db.prepare(
        "INSERT INTO response_keys (key_hash, id) SELECT key_hash, id FROM rebuy_merged_keys(?1)");
    bind_row_source(insert, 1, merged);
    constexpr size_t keys_per_insert = size_t{1} << 18; // 4 MiB
    merged.rows.reserve(keys_per_insert);
    while (!heads.empty()) {
      const auto [key_hash, id, c] = heads.top();
      heads.pop();
      merged.rows.emplace_back(key_hash, id);
      advance(c);
      if (merged.rows.size() == keys_per_insert) {
        insert.run();
        merged.rows.clear();
      }
    }
    if (!merged.rows.empty()) insert.run();
  }

  // Without a WHERE, SQLite drops a table's pages at once instead of deleting row by row.
  auto others = db.prepare("SELECT EXISTS (SELECT 1 FROM import_key_parts WHERE run_id <> ?1)");
  others.bind(1, run_id);
  others.step();
  if (others.column_int(0) == 0) {
    others.reset();
    db.exec("DELETE FROM import_keys");
  } else {
    others.reset();
    auto drop = db.prepare("DELETE FROM import_keys WHERE part = ?1");
    for (int64_t part : parts)
      drop.bind(1, part).run();
  }
  db.prepare("DELETE FROM import_key_parts WHERE run_id = ?1").bind(1, run_id).run();
  tx.commit();
}

void merge_abandoned_keys(sql::connection &db) {
  if (db.dialect() != sql::dialect::sqlite) return;
  std::vector<int64_t> runs;
  {
    auto s = db.prepare("SELECT DISTINCT p.run_id FROM import_key_parts p LEFT JOIN import_runs "
                        "r ON r.id = p.run_id WHERE r.status IS NOT 'running'");
    while (s.step())
      runs.push_back(s.column_int(0));
  }
  for (int64_t run : runs) {
    try {
      merge_set_aside_keys(db, run);
    } catch (const sql::error &e) {
      if (!e.write_refused()) throw;
      spdlog::debug("{}: cannot merge the keys run {} left: {}", db.name(), run, e.what());
      return;
    }
  }
}

int64_t first_set_aside_id(sql::connection &db) {
  if (db.dialect() != sql::dialect::sqlite) return 0;
  auto s = db.prepare("SELECT coalesce(min(part), 0) FROM import_key_parts");
  s.step();
  return s.column_int(0);
}

} // namespace rebuy::core
