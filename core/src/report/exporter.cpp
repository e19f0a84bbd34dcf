#include "report/exporter.hpp"

#include "report/csv_writer.hpp"
#include "store/score_store.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <future>
#include <iterator>
#include <map>
#include <memory>
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
FROM responses r ORDER BY r.id
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

// Responses read from the store with copies of what is exported of them, so that one thread
// formats a batch while another reads the next: formatting is most of an export's work.
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
  static constexpr size_t rows_per_batch = 4096;

  export_batch(size_t fields_per_row, size_t scores_per_row)
      : fields_per_row_(fields_per_row), scores_per_row_(scores_per_row) {
    fields_.reserve(rows_per_batch * fields_per_row);
    scores_.reserve(rows_per_batch * scores_per_row);
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

std::string csv_lines(const export_batch &batch, const std::vector<metric_column> &metrics) {
  std::string out, number;
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
  return out;
}

std::string json_lines(const export_batch &batch, const std::vector<metric_column> &metrics) {
  std::string out;
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
  return out;
}

} // namespace

uint64_t export_responses(sql::connection &db, export_format format, std::ostream &out) {
  const auto metrics = metric_columns(db);
  const bool jsonl = format == export_format::jsonl;
  score_cursor scores(db, metrics, jsonl);
  auto rows = db.prepare_scan(response_sql);
  // JSON lines also need the attributes, the column after the exported ones.
  const size_t fields = static_cast<size_t>(column_count) + (jsonl ? 1 : 0);
  if (!jsonl) out << csv_header(metrics);

  // This thread reads; batches are formatted on others, each written once the one before it
  // is. At most two are in flight, so the memory in use stays a few batches whatever the
  // store's size.
  std::deque<std::shared_future<void>> written;
  uint64_t count = 0;
  bool more = true;
  while (more) {
    auto batch = std::make_shared<export_batch>(fields, scores.size());
    while (batch->rows() < export_batch::rows_per_batch && (more = rows.step()))
      batch->add(rows, first_exported, scores, jsonl);
    if (batch->rows() == 0) break;
    count += batch->rows();
    if (written.size() == 2) written.front().get(), written.pop_front();
    std::shared_future<void> previous =
        written.empty() ? std::shared_future<void>() : written.back();
    written.push_back(
        std::async(std::launch::async, [batch, previous, &metrics, &out, jsonl]() mutable {
          const std::string text = jsonl ? json_lines(*batch, metrics) : csv_lines(*batch, metrics);
          batch.reset();
          if (previous.valid()) previous.get(); // rethrows its failure
          // The task keeps its captures as long as its future lives: a chain of them would keep
          // every batch.
          previous = {};
          out.write(text.data(), static_cast<std::streamsize>(text.size()));
        }).share());
  }
  while (!written.empty())
    written.front().get(), written.pop_front();
  return count;
}

} // namespace rebuy::core
