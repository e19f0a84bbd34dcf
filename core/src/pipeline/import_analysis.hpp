#pragma once
// The analysis of an import, beside it: the responses a batch stores anew go to the analyzers
// from the batch itself, while the import reads and writes the next ones, and their scores go into
// the import's own transactions. Half a core would otherwise idle during the import, and every
// response would be read back from the store afterwards.
//
// It analyzes only what `rebuy analyze` after the import would analyze, the same way: the
// responses the import stores anew, when every analyzer has analyzed the store up to them. The
// first batch it cannot take (a response replaced or merged into, a role the mapping did not name
// at the start) ends it, and the analysis after the import takes the rest. On PostgreSQL, which
// other rebuys may analyze at once, it is not used.
#include "pipeline/analyze_pipeline.hpp"
#include "pipeline/text_model.hpp"
#include "store/response_writer.hpp"

#include <memory>
#include <vector>

namespace rebuy::core {

class import_analysis {
public:
  // Null when the store is not on SQLite, no analyzer is installed, or some analyzer has not
  // analyzed every stored response.
  // `source` is the one the import stores its responses under.
  static std::unique_ptr<import_analysis>
  start(const plugin_registry &registry, sql::connection &db, const analysis_request &request,
        const std::vector<column_mapping> &columns, std::string source);
  ~import_analysis();
  import_analysis(const import_analysis &) = delete;
  import_analysis &operator=(const import_analysis &) = delete;

  // After the writer wrote a batch: its new responses are copied, to be analyzed, unless this
  // analysis has ended or ends with this batch; the scores of the batches analyzed so far are
  // written, in order, into the open transaction. May wait for the analyzers.
  void take(const written_batch &batch);
  // Waits for the batches taken, and writes their scores and how far the analyzers have come into
  // the open transaction.
  void finish();
  // Ends it without writing more (the import rolls back, or stops).
  void abandon();

  uint64_t responses() const { return responses_; }
  uint64_t scores() const { return scores_; }
  // After finish(), when it analyzed every response the import stored: what the text model's walk
  // would find in them, so that the estimates after the import need not read them back. Null
  // when it ended early, or the walk outgrew its memory.
  std::shared_ptr<text_walk_beside> text_walk();

private:
  struct state;
  explicit import_analysis(std::unique_ptr<state> s);
  void end(bool write);

  std::unique_ptr<state> state_;
  uint64_t responses_ = 0, scores_ = 0;
};

} // namespace rebuy::core
