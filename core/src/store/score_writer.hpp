#pragma once
// Writes analysis results: the scores, and which responses each analyzer
// version has seen (so `rebuy analyze` only does new work).
#include "pipeline/loaded_batch.hpp"
#include "pipeline/response_loader.hpp"
#include "store/sqlite.hpp"

#include <vector>

namespace rebuy::core {

struct analyzer_metrics {
  analyzer_identity identity;
  std::vector<std::string> metrics;
};

class score_writer {
public:
  score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers);
  // One transaction; returns the number of scores written.
  uint64_t write(const loaded_batch &batch);

private:
  sql::connection &db_;
  std::vector<analyzer_metrics> analyzers_;
  sql::statement clear_, insert_, mark_;
};

// Forgets every result of these analyzers, for `rebuy analyze --rerun`.
void forget_analyses(sql::connection &db, const std::vector<analyzer_identity> &analyzers);

} // namespace rebuy::core
