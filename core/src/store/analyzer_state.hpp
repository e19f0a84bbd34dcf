#pragma once
// How far each analyzer has come: it has analyzed, at its version, every
// response whose id is at most `analyzed_through`. Ids only grow and an
// edited response is stored anew, so this one number per analyzer is enough.
#include "store/sql.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace rebuy::core {

struct analyzer_identity {
  std::string id, version;
};

// Brings the state in line with the installed analyzers and returns how far
// each has come. An analyzer met at another version, or every analyzer with
// `rerun`, loses its scores and starts from the first response.
std::vector<int64_t> prepare_analyzer_state(sql::connection &db,
                                            const std::vector<analyzer_identity> &analyzers,
                                            bool rerun);

// Records that these analyzers have analyzed every response up to `through`.
void advance_analyzer_state(sql::connection &db, const std::vector<analyzer_identity> &analyzers,
                            int64_t through);

// The highest response id the analyzers have analyzed through, 0 before any
// analysis: a response with a higher id awaits `rebuy analyze`. The latest
// analysis advances every analyzer it ran to the same id, so the highest is it.
int64_t analyzed_through(sql::connection &db);

// On PostgreSQL several imports write at once, and a transaction may commit
// ids lower than one committed before it: "ids only grow" holds for commits
// only once no transaction that adds responses is open. Imports hold
// new_ids_lock (an advisory lock) shared while such a transaction is open.
inline constexpr int64_t new_ids_lock = 7365232;
// One analysis at a time writes a store's scores (its pages must not overlap).
inline constexpr int64_t analysis_lock = 7365233;

// The highest response id below which every response is committed: analysis
// goes no further. On PostgreSQL it takes new_ids_lock for a moment, waiting
// for the imports' open transactions to commit.
int64_t analysis_bound(sql::connection &db);

} // namespace rebuy::core
