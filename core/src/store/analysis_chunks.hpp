#pragma once
// Analysis shared by several rebuys on one PostgreSQL store. The pending
// responses are cut into chunks of consecutive ids (a plan), listed in
// `analysis_chunks`; each rebuy claims a chunk with FOR UPDATE SKIP LOCKED on a
// connection of its own, analyzes it, and deletes its row in the same
// transaction. A rebuy that dies mid-chunk leaves the row to the next claim.
// Chunks never overlap, so neither do the pages their scores go to.
#include "store/analyzer_state.hpp"
#include "store/sql.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rebuy::core {

// Responses per chunk: a page of scores per metric.
inline constexpr int64_t chunk_responses = 16384;

struct analysis_plan {
  std::string key;   // the analyzers, versions and progress it was made for, and its bound
  int64_t bound = 0; // the plan covers responses up to this id
  uint64_t responses = 0;
};

struct id_chunk {
  int64_t first_id, last_id;
};

// The plan for these analyzers at this progress: the one other rebuys work on,
// or a new one up to analysis_bound(). Call while holding analysis_lock.
// Nothing when no response is pending.
std::optional<analysis_plan> join_or_plan(sql::connection &db,
                                          const std::vector<analyzer_identity> &analyzers,
                                          const std::vector<int64_t> &through);

// Claims chunks of a plan on a connection of its own.
class chunk_claims {
public:
  chunk_claims(sql::connection &db, std::string plan);
  ~chunk_claims();
  // The next chunk nobody holds; with `wait`, also one another rebuy holds,
  // once it lets go (it finished it: the next; it died: that one).
  std::optional<id_chunk> claim(bool wait);
  // The claimed chunk is analyzed: its row goes.
  void done();

private:
  std::unique_ptr<sql::connection> claims_;
  std::string plan_;
  std::optional<id_chunk> held_;
};

// True once every chunk of the plan is done. Call while holding analysis_lock.
bool plan_complete(sql::connection &db, const std::string &plan);

} // namespace rebuy::core
