#include "store/score_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {

namespace {

constexpr const char *score_columns =
    "response_id, analyzer, metric, analyzer_version, value, label, evidence";

sql::statement prepare_insert(sql::connection &db) {
  register_row_feed(db, "rebuy_scores", score_columns);
  return db.prepare(fmt::format(
      "INSERT OR REPLACE INTO scores ({0}) SELECT {0} FROM rebuy_scores(?1)", score_columns));
}

void text(sqlite3_context *ctx, const std::string &s) {
  sqlite3_result_text64(ctx, s.c_str(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
}

void text_or_null(sqlite3_context *ctx, const std::string &s) {
  s.empty() ? sqlite3_result_null(ctx) : text(ctx, s);
}

} // namespace

score_writer::score_writer(sql::connection &db, std::vector<analyzer_metrics> analyzers)
    : db_(db), analyzers_(std::move(analyzers)), insert_(prepare_insert(db)) {
  for (const auto &a : analyzers_)
    identities_.push_back(a.identity);
  rows_.analyzers = &analyzers_;
  bind_row_source(insert_, 1, rows_);
}

void score_writer::score_rows::column(size_t row, int column, sqlite3_context *ctx) const {
  const score_row &s = (*scores)[row];
  const analyzer_metrics &a = (*analyzers)[s.analyzer];
  switch (column) { // the order of score_columns
  case 0:
    sqlite3_result_int64(ctx, s.response_id);
    break;
  case 1:
    text(ctx, a.identity.id);
    break;
  case 2:
    text(ctx, a.metrics[s.metric]);
    break;
  case 3:
    text(ctx, a.identity.version);
    break;
  case 4:
    std::isfinite(s.value) ? sqlite3_result_double(ctx, s.value) : sqlite3_result_null(ctx);
    break;
  case 5:
    text_or_null(ctx, s.label);
    break;
  default:
    text_or_null(ctx, s.evidence);
    break;
  }
}

uint64_t score_writer::write(const loaded_batch &batch) {
  sql::transaction tx(db_);
  rows_.scores = &batch.scores;
  insert_.run();
  rows_.scores = nullptr;
  if (!batch.responses.empty()) finished_pages_[batch.sequence] = batch.responses.back().id;
  int64_t through = 0;
  while (!finished_pages_.empty() && finished_pages_.begin()->first == next_page_) {
    through = finished_pages_.begin()->second;
    finished_pages_.erase(finished_pages_.begin());
    ++next_page_;
  }
  if (through) advance_analyzer_state(db_, identities_, through);
  tx.commit();
  return batch.scores.size();
}

} // namespace rebuy::core
