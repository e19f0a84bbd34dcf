#include "report/exporter.hpp"

#include "report/csv_writer.hpp"
#include "store/read_beside.hpp"
#include "store/score_store.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <map>
#include <mutex>
#include <vector>

namespace rebuy::core {
namespace {

// Response columns exported, in order; `id` is the source's own id or the row number.
const char *const response_columns[] = {
    "id",      "source",    "kind",        "line",          "customer",  "submitted_at",
    "nps",     "buy_again", "rating",      "rating_max",    "recommend", "csat",
    "ces",     "product",   "segment",     "journey_stage", "country",   "language",
    "channel", "order_id",  "order_value", "order_count",   "title",     "text"};

constexpr const char *response_sql = R"sql(
SELECT r.id, coalesce(r.external_id, CAST(r.line AS TEXT)), r.source, r.kind, r.line, r.customer,
  coalesce(r.submitted_at, r.submitted_raw), r.nps, r.buy_again, r.rating, r.rating_max,
  r.recommend, r.csat, r.ces, r.product, r.segment, r.journey_stage, r.country, r.language,
  r.channel, r.order_id, r.order_value, r.order_count, r.title, r.text, r.attributes
FROM responses r WHERE r.id BETWEEN ?1 AND ?2 ORDER BY r.id
)sql";

struct metric_column {
  int64_t id;
  std::string analyzer, metric, header;
  bool label;         // export the label (else the value)
  bool fills = false; // named like a response column: fills it when empty
};

bool is_response_column(std::string_view name) {
  return std::find(std::begin(response_columns), std::end(response_columns), name) !=
         std::end(response_columns);
}

// One column per (analyzer, metric); the metric name alone when unambiguous.
// A metric named like a response column (themes' journey_stage) is no column of
// its own: it fills that column where the source gave no value.
std::vector<metric_column> metric_columns(sql::connection &db) {
  std::vector<metric_column> columns;
  std::map<std::string, int> uses;
  for (auto &m : stored_metrics(db)) {
    columns.push_back({m.id, std::move(m.analyzer), std::move(m.metric), {}, m.labelled});
    ++uses[columns.back().metric];
  }
  for (auto &c : columns)
    c.header = uses[c.metric] > 1 || c.metric == "nps" ? c.analyzer + "." + c.metric : c.metric;
  for (auto &c : columns)
    c.fills = is_response_column(c.header);
  return columns;
}

// Walks the scores in response order alongside the responses: one reader per metric.
class score_cursor {
public:
  // Evidence only when it is written (JSON lines): CSV has no column for it.
  score_cursor(sql::connection &db, const std::vector<metric_column> &columns, bool with_evidence) {
    for (const auto &c : columns)
      cursors_.emplace_back(db, c.id, with_evidence);
  }
  size_t size() const { return cursors_.size(); }
  // The score of `response_id` in column `i`, or nullptr; valid until the next call for `i`.
  const page_score *at(size_t i, int64_t response_id) { return cursors_[i].at(response_id); }

private:
  std::deque<metric_cursor> cursors_; // not moved: each points into its own page
};

// Responses are read and written in chunks of this many ids.
constexpr uint64_t chunk_ids = 4096;

// A chunk's responses, read from the store with copies of what is exported of them.
class export_batch {
public:
  struct text_ref {
    size_t offset = 0, size = 0; // in the batch's text
  };
  struct field {
    int type = SQLITE_NULL;
    int64_t integer = 0;
    double real = 0;
    text_ref text;
  };
  struct score {
    bool present = false;
    std::optional<double> value;
    text_ref label, evidence;
  };
  export_batch(size_t fields_per_row, size_t scores_per_row)
      : fields_per_row_(fields_per_row), scores_per_row_(scores_per_row) {
    fields_.reserve(chunk_ids * fields_per_row);
    scores_.reserve(chunk_ids * scores_per_row);
  }

  // Copies the fields of the statement's current row (every one as text for CSV, typed for
  // JSON lines) and its scores.
  void add(const sql::statement &row, int first_field, score_cursor &cursor, bool typed) {
    const int64_t id = row.column_int(0);
    for (size_t c = 0; c < fields_per_row_; ++c) {
      const int column = first_field + static_cast<int>(c);
      field f;
      f.type = typed ? row.column_type(column) : SQLITE_TEXT;
      if (f.type == SQLITE_INTEGER)
        f.integer = row.column_int(column);
      else if (f.type == SQLITE_FLOAT)
        f.real = row.column_double(column);
      else if (f.type != SQLITE_NULL)
        f.text = keep(row.column_text(column));
      fields_.push_back(f);
    }
    for (size_t i = 0; i < scores_per_row_; ++i) {
      score s;
      if (const page_score *p = cursor.at(i, id)) {
        s.present = true;
        if (!std::isnan(p->value)) s.value = p->value;
        s.label = keep(p->label);
        if (typed) s.evidence = keep(p->evidence);
      }
      scores_.push_back(s);
    }
    ++rows_;
  }
  size_t rows() const { return rows_; }
  void clear() {
    rows_ = 0;
    text_.clear(), fields_.clear(), scores_.clear();
  }
  const field &at(size_t row, size_t c) const { return fields_[row * fields_per_row_ + c]; }
  const score &score_at(size_t row, size_t i) const { return scores_[row * scores_per_row_ + i]; }
  std::string_view text(text_ref r) const {
    return std::string_view(text_).substr(r.offset, r.size);
  }

private:
  text_ref keep(std::string_view t) {
    const text_ref r{text_.size(), t.size()};
    text_.append(t);
    return r;
  }

  size_t fields_per_row_, scores_per_row_, rows_ = 0;
  std::string text_;
  std::vector<field> fields_;
  std::vector<score> scores_;
};

constexpr int first_exported = 1, column_count = static_cast<int>(std::size(response_columns));

std::string csv_header(const std::vector<metric_column> &metrics) {
  std::string line;
  for (int c = 0; c < column_count; ++c) {
    if (c) line += ',';
    append_csv_field(line, response_columns[c]);
  }
  for (const auto &m : metrics) {
    if (m.fills) continue;
    line += ',';
    append_csv_field(line, m.header);
  }
  line += "\r\n";
  return line;
}

void append_csv_lines(std::string &out, const export_batch &batch,
                      const std::vector<metric_column> &metrics) {
  std::string number;
  for (size_t row = 0; row < batch.rows(); ++row) {
    for (int c = 0; c < column_count; ++c) {
      if (c) out += ',';
      std::string_view value = batch.text(batch.at(row, static_cast<size_t>(c)).text);
      if (value.empty())
        for (size_t i = 0; i < metrics.size(); ++i)
          if (metrics[i].fills && metrics[i].header == response_columns[c] &&
              batch.score_at(row, i).present)
            value = batch.text(batch.score_at(row, i).label);
      append_csv_field(out, value);
    }
    for (size_t i = 0; i < metrics.size(); ++i) {
      const auto &m = metrics[i];
      const auto &s = batch.score_at(row, i);
      if (m.fills) continue;
      out += ',';
      if (!s.present) continue;
      if (m.label) {
        append_csv_field(out, batch.text(s.label));
      } else if (s.value) {
        number.clear();
        fmt::format_to(std::back_inserter(number), "{}", *s.value);
        append_csv_field(out, number);
      }
    }
    out += "\r\n";
  }
}

void append_json_lines(std::string &out, const export_batch &batch,
                       const std::vector<metric_column> &metrics) {
  rapidjson::StringBuffer buffer;
  rapidjson::Document attributes;
  auto size = [](std::string_view t) { return static_cast<rapidjson::SizeType>(t.size()); };
  for (size_t row = 0; row < batch.rows(); ++row) {
    buffer.Clear();
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    for (int c = 0; c < column_count; ++c) {
      const auto &f = batch.at(row, static_cast<size_t>(c));
      if (f.type == SQLITE_NULL) continue;
      w.Key(response_columns[c]);
      if (f.type == SQLITE_INTEGER)
        w.Int64(f.integer);
      else if (f.type == SQLITE_FLOAT)
        w.Double(f.real);
      else
        w.String(batch.text(f.text).data(), size(batch.text(f.text)));
    }
    const std::string_view json = batch.text(batch.at(row, static_cast<size_t>(column_count)).text);
    attributes.Parse(json.data(), json.size());
    if (attributes.IsObject()) {
      w.Key("attributes");
      attributes.Accept(w);
    }
    w.Key("scores");
    w.StartObject();
    for (size_t i = 0; i < metrics.size(); ++i) {
      const auto &s = batch.score_at(row, i);
      if (!s.present) continue;
      const std::string name = metrics[i].analyzer + "." + metrics[i].metric;
      w.Key(name.c_str(), size(name));
      w.StartObject();
      w.Key("value");
      s.value ? (void)w.Double(*s.value) : (void)w.Null();
      const std::string_view label = batch.text(s.label), evidence = batch.text(s.evidence);
      if (!label.empty()) w.Key("label"), w.String(label.data(), size(label));
      if (!evidence.empty()) w.Key("evidence"), w.String(evidence.data(), size(evidence));
      w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    out.append(buffer.GetString(), buffer.GetSize());
    out += '\n';
  }
}

// Chunks are formatted in any order, by whichever worker took them, and written in theirs.
class ordered_output {
public:
  explicit ordered_output(std::ostream &out) : out_(out) {}

  // Writes chunk `k` once chunks 0..k-1 are; false when a worker failed (nothing is written).
  bool write(uint64_t k, std::string_view text) {
    std::unique_lock lock(mutex_);
    turn_.wait(lock, [&] { return failed_ || written_ == k; });
    if (failed_) return false;
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    ++written_;
    turn_.notify_all();
    return true;
  }
  void fail() {
    std::lock_guard lock(mutex_);
    failed_ = true;
    turn_.notify_all();
  }

private:
  std::ostream &out_;
  std::mutex mutex_;
  std::condition_variable turn_;
  uint64_t written_ = 0;
  bool failed_ = false;
};

} // namespace

uint64_t export_responses(sql::connection &db, export_format format, std::ostream &out) {
  const auto metrics = metric_columns(db);
  const bool jsonl = format == export_format::jsonl;
  // JSON lines also need the attributes, the column after the exported ones.
  const size_t fields = static_cast<size_t>(column_count) + (jsonl ? 1 : 0);
  if (!jsonl) out << csv_header(metrics);

  // Reading a response's fields costs as much as formatting them: two workers, each on a
  // connection of its own, take the next chunk of ids, read and format it, and write it in turn.
  // Ids are bounded by the last one when the export starts, so each response is written once even
  // while an import adds some.
  const response_ids ids = stored_response_ids(db);
  const uint64_t chunks =
      ids.last < ids.first ? 0 : static_cast<uint64_t>(ids.last - ids.first) / chunk_ids + 1;
  std::atomic<uint64_t> next_chunk{0}, count{0};
  ordered_output output(out);
  auto work = [&](sql::connection &c) {
    try {
      auto rows = c.prepare(response_sql);
      score_cursor scores(c, metrics, jsonl); // skips the ids of the other worker's chunks
      export_batch batch(fields, scores.size());
      std::string text;
      for (uint64_t k; (k = next_chunk++) < chunks;) {
        const int64_t from = ids.first + static_cast<int64_t>(k * chunk_ids);
        rows.reset();
        rows.bind(1, from).bind(2, std::min(ids.last, from + static_cast<int64_t>(chunk_ids) - 1));
        batch.clear();
        while (rows.step())
          batch.add(rows, first_exported, scores, jsonl);
        text.clear();
        jsonl ? append_json_lines(text, batch, metrics) : append_csv_lines(text, batch, metrics);
        if (!output.write(k, text)) return;
        count += batch.rows();
      }
    } catch (...) {
      output.fail(); // the other worker stops too, instead of waiting for this one's turn
      throw;
    }
  };
  auto beside = read_beside(db, work);
  std::exception_ptr failure;
  try {
    work(db);
  } catch (...) {
    failure = std::current_exception();
  }
  beside.get(); // rethrows its failure
  if (failure) std::rethrow_exception(failure);
  return count;
}

} // namespace rebuy::core
