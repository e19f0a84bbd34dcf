#pragma once
// Writes analysis results: each page's scores in one transaction, and how far
// the analyzers have come, counted only over pages that are all written (pages
// finish out of order on several worker threads).
#include "pipeline/loaded_batch.hpp"
#include "store/analyzer_state.hpp"
#include "store/row_feed.hpp"
#include "store/sqlite.hpp"

#include <map>
#include <vector>

namespace rebuy::core {

struct analyzer_metrics {
  analyzer_identity identity;
  std::vector<std::string> metrics;
};

class score_writer {
public:
  score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers);
  // Returns the number of scores written.
  uint64_t write(const loaded_batch &batch);

private:
  // A batch's scores as rows: one INSERT ... SELECT writes them all.
  struct score_rows final : row_source {
    const std::vector<analyzer_metrics> *analyzers = nullptr;
    const std::vector<score_row> *scores = nullptr;
    size_t size() const override { return scores ? scores->size() : 0; }
    void column(size_t row, int column, sqlite3_context *ctx) const override;
  };

  sql::connection &db_;
  std::vector<analyzer_metrics> analyzers_;
  std::vector<analyzer_identity> identities_;
  score_rows rows_;
  sql::statement insert_;
  std::map<uint64_t, int64_t> finished_pages_; // page -> its last response id
  uint64_t next_page_ = 0;
};

} // namespace rebuy::core
