#include "store/analysis_chunks.hpp"

#include "store/postgres.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rebuy::core {

std::optional<analysis_plan> join_or_plan(sql::connection &db,
                                          const std::vector<analyzer_identity> &analyzers,
                                          const std::vector<int64_t> &through) {
  if (analyzers.empty()) return std::nullopt;
  std::string work;
  for (size_t k = 0; k < analyzers.size(); ++k)
    work +=
        fmt::format("{}{} {} {}", k ? "," : "", analyzers[k].id, analyzers[k].version, through[k]);
  {
    auto open = db.prepare("SELECT plan, count(*) FROM analysis_chunks GROUP BY plan");
    while (open.step()) {
      const std::string_view key = open.column_text(0);
      const auto bar = key.find('|');
      if (bar == std::string_view::npos || key.substr(bar + 1) != work) continue;
      analysis_plan joined{std::string(key), std::stoll(std::string(key.substr(0, bar))),
                           static_cast<uint64_t>(open.column_int(1)) * chunk_responses};
      return joined;
    }
  }
  // Plans of other analyzers, versions or progress are stale: their work is done or void.
  db.exec("DELETE FROM analysis_chunks");
  const int64_t after = *std::min_element(through.begin(), through.end());
  analysis_plan plan;
  plan.bound = analysis_bound(db);
  if (plan.bound <= after) return std::nullopt;
  plan.key = fmt::format("{}|{}", plan.bound, work);
  sql::transaction tx(db);
  auto ids = db.prepare("SELECT id FROM responses WHERE id > ?1 AND id <= ?2 ORDER BY id");
  auto add =
      db.prepare("INSERT INTO analysis_chunks (plan, first_id, last_id) VALUES (?1, ?2, ?3)");
  ids.bind(1, after).bind(2, plan.bound);
  int64_t first = 0, last = 0, in_chunk = 0;
  auto flush = [&] {
    if (in_chunk == 0) return;
    add.bind(1, std::string_view(plan.key)).bind(2, first).bind(3, last).run();
    plan.responses += static_cast<uint64_t>(in_chunk);
    in_chunk = 0;
  };
  while (ids.step()) {
    last = ids.column_int(0);
    if (in_chunk == 0) first = last;
    if (++in_chunk == chunk_responses) flush();
  }
  flush();
  tx.commit();
  if (plan.responses == 0) return std::nullopt;
  return plan;
}

chunk_claims::chunk_claims(sql::connection &db, std::string plan)
    : claims_(std::make_unique<sql::pg_connection>(sql::postgres_of(db).url(), false,
                                                   db.busy_timeout())),
      plan_(std::move(plan)) {}

chunk_claims::~chunk_claims() {
  if (held_) claims_->rollback(); // the chunk is left to the next claim
}

std::optional<id_chunk> chunk_claims::claim(bool wait) {
  claims_->begin(false);
  auto s = claims_->prepare(fmt::format("SELECT first_id, last_id FROM analysis_chunks WHERE "
                                        "plan = ?1 ORDER BY first_id LIMIT 1 FOR UPDATE{}",
                                        wait ? "" : " SKIP LOCKED"));
  s.bind(1, std::string_view(plan_));
  if (!s.step()) {
    s.reset();
    claims_->commit();
    return std::nullopt;
  }
  held_ = id_chunk{s.column_int(0), s.column_int(1)};
  s.reset();
  return held_;
}

void chunk_claims::done() {
  if (!held_) return;
  auto s = claims_->prepare("DELETE FROM analysis_chunks WHERE plan = ?1 AND first_id = ?2");
  s.bind(1, std::string_view(plan_)).bind(2, held_->first_id).run();
  claims_->commit();
  held_.reset();
}

bool plan_complete(sql::connection &db, const std::string &plan) {
  auto s = db.prepare("SELECT count(*) FROM analysis_chunks WHERE plan = ?1");
  s.bind(1, std::string_view(plan));
  s.step();
  return s.column_int(0) == 0;
}

} // namespace rebuy::core
