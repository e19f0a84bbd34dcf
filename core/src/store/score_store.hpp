#pragma once
// Where scores live: `score_metrics` names each (analyzer, metric) once, and
// `score_pages` holds each metric's scores for a run of responses as one
// compressed page (store/score_page.hpp). Pages of one metric never overlap,
// so a metric reads as its pages in order. docs/store.md has the layout.
#include "store/score_page.hpp"
#include "store/sql.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rebuy::core {

// The analyzer name rebuy's own estimates are stored under (pipeline/estimates.hpp);
// no plugin may take it.
inline constexpr const char *core_analyzer_id = "rebuy";

// At most this many scores go in one page: larger pages fill their last overflow page better and
// compress better, smaller ones keep the analysis' memory down (docs/store.md).
inline constexpr size_t scores_per_page = 20480;

// A page encoded away from its store (on another thread), for the store's connection to insert.
struct encoded_run {
  int64_t first_id, last_id, scores;
  encoded_page page;
};

class score_store {
public:
  explicit score_store(sql::connection &db);

  // The metric's id, added when new.
  int64_t metric_id(std::string_view analyzer, std::string_view metric);
  // Stores scores of one metric (ascending, one per response), replacing what
  // the metric held for those responses. Call inside a transaction.
  void write(int64_t metric_id, std::span<const page_score> scores);
  // Deletes every score of the analyzer, or of one of its metrics.
  void forget(std::string_view analyzer);
  void forget(int64_t metric_id);
  // Stores a page encoded elsewhere (metric_appender without a store), where the metric has no
  // page that overlaps it.
  void insert(int64_t metric_id, const encoded_run &run);
  // Deletes the scores of responses deleted since the last call (a trigger
  // lists them in `dropped_responses`): an edited response is stored anew.
  void purge_dropped();

private:
  struct stored_page {
    int64_t id, first_id, last_id;
  };
  void rewrite(int64_t metric_id, std::vector<stored_page> pages,
               std::span<const page_score> replacing, std::span<const int64_t> dropping);
  void insert(int64_t metric_id, std::span<const page_score> scores);

  sql::connection &db_;
  sql::statement find_metric_, add_metric_, last_before_, insert_page_;
};

// Collects one metric's scores and writes them a page at a time, in response
// order, keeping its own copies of their texts. Without a store, it keeps the pages encoded
// instead, for score_store::insert.
class metric_appender {
public:
  metric_appender(score_store &store, int64_t metric_id) : store_(&store), metric_id_(metric_id) {}
  explicit metric_appender(int64_t metric_id) : metric_id_(metric_id) {}
  void add(int64_t response_id, double value, std::string_view label, std::string_view evidence);
  // Writes what is left; call before the transaction commits.
  void finish();
  uint64_t count() const { return count_; }
  // Without a store: the pages, in response order.
  std::vector<encoded_run> &kept() { return kept_; }

private:
  score_store *store_ = nullptr;
  std::vector<encoded_run> kept_;
  int64_t metric_id_;
  std::vector<page_score> page_;
  std::string texts_; // each score's label and evidence, back to back
  std::vector<std::pair<size_t, size_t>> text_sizes_;
  uint64_t count_ = 0;
};

// Writes the rows of `table` (response_id, analyzer, metric, value, label,
// evidence: the layout scores had before pages) as pages.
void pack_score_rows(sql::connection &db, std::string_view table);

struct stored_metric {
  int64_t id;
  std::string analyzer, metric;
  bool labelled; // some score carries a label
};

// Every metric that holds scores, by analyzer and metric name.
std::vector<stored_metric> stored_metrics(sql::connection &db);

// One metric's scores in response order, a page at a time; with `from_id`, from the page that
// holds that response's score on (what comes before it in that page too).
class metric_reader {
public:
  metric_reader(sql::connection &db, std::string_view analyzer, std::string_view metric,
                bool with_evidence, int64_t from_id = INT64_MIN);
  metric_reader(sql::connection &db, int64_t metric_id, bool with_evidence,
                int64_t from_id = INT64_MIN);
  // The next score, or nullptr after the last; valid until the next call.
  const page_score *next();

private:
  std::optional<sql::statement> pages_;
  bool with_evidence_;
  decoded_page page_;
  size_t at_ = 0;
};

// A metric read beside an ascending walk over response ids.
class metric_cursor {
public:
  metric_cursor(sql::connection &db, std::string_view analyzer, std::string_view metric,
                bool with_evidence, int64_t from_id = INT64_MIN)
      : reader_(db, analyzer, metric, with_evidence, from_id), next_(reader_.next()) {}
  metric_cursor(sql::connection &db, int64_t metric_id, bool with_evidence)
      : reader_(db, metric_id, with_evidence), next_(reader_.next()) {}
  // The metric's score of response `id`, or nullptr; ids must not decrease.
  // Valid until the next call.
  const page_score *at(int64_t id) {
    while (next_ && next_->response_id < id)
      next_ = reader_.next();
    return next_ && next_->response_id == id ? next_ : nullptr;
  }

private:
  metric_reader reader_;
  const page_score *next_;
};

} // namespace rebuy::core
