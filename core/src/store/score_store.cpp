#include "store/score_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>

namespace rebuy::core {

score_store::score_store(sql::connection &db)
    : db_(db),
      find_metric_(db.prepare("SELECT id FROM score_metrics WHERE analyzer = ?1 AND metric = ?2")),
      // Another rebuy on a shared store may add the same metric at the same time.
      add_metric_(db.prepare("INSERT INTO score_metrics (analyzer, metric) VALUES (?1, ?2) "
                             "ON CONFLICT (analyzer, metric) DO NOTHING")),
      // Pages of a metric do not overlap: walking back from the last page that
      // starts before a run ends finds every page that overlaps it.
      last_before_(db.prepare("SELECT id, first_id, last_id FROM score_pages "
                              "WHERE metric_id = ?1 AND first_id <= ?2 ORDER BY first_id DESC")),
      insert_page_(db.prepare("INSERT INTO score_pages (metric_id, first_id, last_id, scores, "
                              "labelled, data, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")) {}

int64_t score_store::metric_id(std::string_view analyzer, std::string_view metric) {
  find_metric_.bind(1, analyzer).bind(2, metric);
  const bool known = find_metric_.step();
  int64_t id = known ? find_metric_.column_int(0) : 0;
  find_metric_.reset();
  if (known) return id;
  add_metric_.bind(1, analyzer).bind(2, metric).run();
  find_metric_.bind(1, analyzer).bind(2, metric);
  if (!find_metric_.step()) throw sql::error("score_metrics: a metric added is not there");
  id = find_metric_.column_int(0);
  find_metric_.reset();
  return id;
}

void score_store::insert(int64_t metric_id, std::span<const page_score> scores) {
  for (size_t at = 0; at < scores.size(); at += scores_per_page) {
    auto part = scores.subspan(at, std::min(scores_per_page, scores.size() - at));
    insert(metric_id, {part.front().response_id, part.back().response_id,
                       static_cast<int64_t>(part.size()), encode_score_page(part)});
  }
}

void score_store::insert(int64_t metric_id, const encoded_run &run) {
  insert_page_.bind(1, metric_id)
      .bind(2, run.first_id)
      .bind(3, run.last_id)
      .bind(4, run.scores)
      .bind(5, static_cast<int64_t>(run.page.labelled))
      .bind_blob(6, run.page.data)
      .bind_blob(7, run.page.evidence)
      .run();
}

void score_store::write(int64_t metric_id, std::span<const page_score> scores) {
  if (scores.empty()) return;
  std::vector<stored_page> overlapping;
  last_before_.bind(1, metric_id).bind(2, scores.back().response_id);
  while (last_before_.step() && last_before_.column_int(2) >= scores.front().response_id)
    overlapping.push_back(
        {last_before_.column_int(0), last_before_.column_int(1), last_before_.column_int(2)});
  last_before_.reset();
  // Only analysis interrupted after a page was written and before its progress
  // was recorded writes the same responses again.
  if (overlapping.empty())
    insert(metric_id, scores);
  else
    rewrite(metric_id, std::move(overlapping), scores, {});
}

void score_store::rewrite(int64_t metric_id, std::vector<stored_page> pages,
                          std::span<const page_score> replacing,
                          std::span<const int64_t> dropping) {
  std::deque<decoded_page> decoded; // the kept scores' texts point into these
  std::vector<page_score> kept;
  auto read = db_.prepare("SELECT data, evidence FROM score_pages WHERE id = ?1");
  auto erase = db_.prepare("DELETE FROM score_pages WHERE id = ?1");
  auto replaced = [&](int64_t id) {
    auto it = std::lower_bound(replacing.begin(), replacing.end(), id,
                               [](const page_score &s, int64_t id) { return s.response_id < id; });
    return it != replacing.end() && it->response_id == id;
  };
  for (const auto &p : pages) {
    read.bind(1, p.id);
    if (read.step()) {
      decoded.emplace_back().decode(read.column_blob(0), read.column_blob(1), true);
      for (const auto &s : decoded.back().scores())
        if (!replaced(s.response_id) &&
            !std::binary_search(dropping.begin(), dropping.end(), s.response_id))
          kept.push_back(s);
    }
    read.reset();
    erase.bind(1, p.id).run();
  }
  kept.insert(kept.end(), replacing.begin(), replacing.end());
  std::sort(kept.begin(), kept.end(),
            [](const auto &a, const auto &b) { return a.response_id < b.response_id; });
  insert(metric_id, kept);
}

void score_store::forget(std::string_view analyzer) {
  auto s = db_.prepare("DELETE FROM score_pages WHERE metric_id IN "
                       "(SELECT id FROM score_metrics WHERE analyzer = ?1)");
  s.bind(1, analyzer).run();
}

void score_store::forget(int64_t metric_id) {
  db_.prepare("DELETE FROM score_pages WHERE metric_id = ?1").bind(1, metric_id).run();
}

void score_store::purge_dropped() {
  std::vector<int64_t> dropped;
  {
    auto s = db_.prepare("SELECT id FROM dropped_responses ORDER BY id");
    while (s.step())
      dropped.push_back(s.column_int(0));
  }
  if (dropped.empty()) return;
  std::vector<int64_t> metrics;
  {
    auto s = db_.prepare("SELECT id FROM score_metrics");
    while (s.step())
      metrics.push_back(s.column_int(0));
  }
  // Walks each metric's pages beside the sorted ids: one pass, whatever their number.
  auto pages = db_.prepare(
      "SELECT id, first_id, last_id FROM score_pages WHERE metric_id = ?1 ORDER BY first_id");
  for (int64_t metric : metrics) {
    std::vector<std::pair<stored_page, std::vector<int64_t>>> touched;
    pages.bind(1, metric);
    auto next = dropped.begin();
    while (next != dropped.end() && pages.step()) {
      const stored_page p{pages.column_int(0), pages.column_int(1), pages.column_int(2)};
      next = std::lower_bound(next, dropped.end(), p.first_id);
      auto end = std::upper_bound(next, dropped.end(), p.last_id);
      if (next != end) touched.push_back({p, std::vector<int64_t>(next, end)});
      next = end;
    }
    pages.reset();
    for (auto &[page, ids] : touched)
      rewrite(metric, {page}, {}, ids);
  }
  db_.exec("DELETE FROM dropped_responses");
}

// Scores come in response order, or nearly: analysis batches finish out of order.
void metric_appender::add(int64_t response_id, double value, std::string_view label,
                          std::string_view evidence) {
  page_.push_back({response_id, value, {}, {}});
  text_sizes_.push_back({label.size(), evidence.size()});
  texts_.append(label).append(evidence);
  ++count_;
  if (page_.size() == scores_per_page) finish();
}

void metric_appender::finish() {
  if (page_.empty()) return;
  // Views are taken once the page is complete: the texts no longer move.
  const std::string_view texts = texts_;
  for (size_t i = 0, at = 0; i < page_.size(); ++i) {
    const auto [label, evidence] = text_sizes_[i];
    page_[i].label = texts.substr(at, label);
    page_[i].evidence = texts.substr(at + label, evidence);
    at += label + evidence;
  }
  // Callers add in response order; one that did not must still not write overlapping pages.
  auto by_response = [](const page_score &a, const page_score &b) {
    return a.response_id < b.response_id;
  };
  if (!std::is_sorted(page_.begin(), page_.end(), by_response))
    std::sort(page_.begin(), page_.end(), by_response);
  if (store_)
    store_->write(metric_id_, page_);
  else
    kept_.push_back({page_.front().response_id, page_.back().response_id,
                     static_cast<int64_t>(page_.size()), encode_score_page(page_)});
  page_.clear();
  text_sizes_.clear();
  texts_.clear();
}

void pack_score_rows(sql::connection &db, std::string_view table) {
  score_store store(db);
  auto metrics = db.prepare(fmt::format("SELECT DISTINCT analyzer, metric FROM {}", table));
  auto rows = db.prepare(fmt::format("SELECT response_id, value, label, evidence FROM {} "
                                     "WHERE analyzer = ?1 AND metric = ?2 ORDER BY response_id",
                                     table));
  while (metrics.step()) {
    const std::string analyzer(metrics.column_text(0)), metric(metrics.column_text(1));
    metric_appender pages(store, store.metric_id(analyzer, metric));
    rows.bind(1, analyzer).bind(2, metric);
    while (rows.step())
      pages.add(rows.column_int(0), rows.is_null(1) ? NAN : rows.column_double(1),
                rows.column_text(2), rows.column_text(3));
    rows.reset();
    pages.finish();
  }
}

std::vector<stored_metric> stored_metrics(sql::connection &db) {
  std::vector<stored_metric> out;
  auto s = db.prepare("SELECT m.id, m.analyzer, m.metric, max(p.labelled) "
                      "FROM score_metrics m JOIN score_pages p ON p.metric_id = m.id "
                      "GROUP BY m.id ORDER BY m.analyzer, m.metric");
  while (s.step())
    out.push_back({s.column_int(0), std::string(s.column_text(1)), std::string(s.column_text(2)),
                   s.column_int(3) != 0});
  return out;
}

namespace {

int64_t find_metric(sql::connection &db, std::string_view analyzer, std::string_view metric) {
  auto s = db.prepare("SELECT id FROM score_metrics WHERE analyzer = ?1 AND metric = ?2");
  s.bind(1, analyzer).bind(2, metric);
  return s.step() ? s.column_int(0) : 0;
}

} // namespace

metric_reader::metric_reader(sql::connection &db, std::string_view analyzer,
                             std::string_view metric, bool with_evidence, int64_t from_id)
    : metric_reader(db, find_metric(db, analyzer, metric), with_evidence, from_id) {}

metric_reader::metric_reader(sql::connection &db, int64_t metric_id, bool with_evidence,
                             int64_t from_id)
    : with_evidence_(with_evidence) {
  // Without evidence the page's second blob is never read from disk.
  pages_.emplace(db.prepare(with_evidence
                                ? "SELECT data, evidence FROM score_pages WHERE metric_id = ?1 "
                                  "AND last_id >= ?2 ORDER BY first_id"
                                : "SELECT data, NULL FROM score_pages WHERE metric_id = ?1 "
                                  "AND last_id >= ?2 ORDER BY first_id"));
  pages_->bind(1, metric_id).bind(2, from_id);
}

const page_score *metric_reader::next() {
  while (at_ == page_.scores().size()) {
    if (!pages_ || !pages_->step()) {
      pages_.reset();
      return nullptr;
    }
    page_.decode(pages_->column_blob(0), pages_->column_blob(1), with_evidence_);
    at_ = 0;
  }
  return &page_.scores()[at_++];
}

} // namespace rebuy::core
