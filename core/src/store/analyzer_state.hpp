#pragma once
// How far each analyzer has come: it has analyzed, at its version, every
// response whose id is at most `analyzed_through`. Ids only grow and an
// edited response is stored anew, so this one number per analyzer is enough.
#include "store/sqlite.hpp"

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

} // namespace rebuy::core
