#pragma once
// Responses read back from the store for analysis, and the scores computed
// for them: what travels between the analysis stages.
#include <rebuy/plugin_abi.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rebuy::core {

struct loaded_response {
  int64_t id = 0;
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  struct field {
    rebuy_role role;
    std::string name, value;
  };
  std::vector<field> fields; // role fields, then attributes when asked for
  uint64_t pending = 0;      // bit i: analyzer i still has to see this response
};

struct score_row {
  int64_t response_id;
  uint32_t analyzer; // index into the run's analyzers
  uint32_t metric;   // index into that analyzer's metrics
  double value;
  std::string label, evidence;
};

struct loaded_batch {
  std::vector<loaded_response> responses;
  std::vector<score_row> scores;
  // (analyzer index, response id) pairs that were analyzed, with or without scores.
  std::vector<std::pair<uint32_t, int64_t>> analyzed;
};

} // namespace rebuy::core
