#pragma once
// Responses read back from the store for analysis, and the scores computed
// for them: what travels between the analysis stages. Strings live in one
// arena per batch and batches are reused, so a page costs no allocations
// once warm.
#include <rebuy/plugin_abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rebuy::core {

struct text_span {
  size_t offset = 0, size = 0;
};

struct loaded_field {
  rebuy_role role;
  text_span name, value;
};

struct loaded_response {
  int64_t id = 0;
  rebuy_record_kind kind = REBUY_RECORD_SURVEY;
  size_t first_field = 0, field_count = 0; // into loaded_batch::fields
  uint64_t pending = 0;                    // bit i: analyzer i still has to see this response
};

struct score_row {
  int64_t response_id;
  uint32_t analyzer; // index into the run's analyzers
  uint32_t metric;   // index into that analyzer's metrics
  double value;
  text_span label, evidence; // in the batch's score_text
};

struct loaded_batch {
  std::string arena;
  std::vector<loaded_field> fields; // role fields, then attributes when asked for
  std::vector<loaded_response> responses;
  std::vector<score_row> scores;
  // The scores' labels and evidence: one buffer instead of two strings per score (ten million
  // for a million responses). Apart from `arena`, which the analyzers read while it grows.
  std::string score_text;
  uint64_t sequence = 0;   // its place in the reading order, in which batches are written
  bool ends_range = false; // no responses: the range read before it is complete

  text_span keep(std::string_view s) {
    text_span span{arena.size(), s.size()};
    arena.append(s);
    return span;
  }
  std::string_view view(text_span s) const { return {arena.data() + s.offset, s.size}; }
  text_span keep_score_text(std::string_view s) {
    text_span span{score_text.size(), s.size()};
    score_text.append(s);
    return span;
  }
  std::string_view score_text_of(text_span s) const {
    return {score_text.data() + s.offset, s.size};
  }
  void clear() {
    arena.clear();
    fields.clear();
    responses.clear();
    scores.clear();
    score_text.clear();
  }
};

} // namespace rebuy::core
