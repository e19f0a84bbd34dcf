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
#include <iterator>
#include <map>
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

// Its texts point into the cursor's page: they last until the next take().
struct score {
  bool present = false;
  std::optional<double> value;
  std::string_view label, evidence;
};

// Walks the scores in response order alongside the responses: one reader per metric.
class score_cursor {
public:
  score_cursor(sql::connection &db, const std::vector<metric_column> &columns) {
    for (const auto &c : columns)
      cursors_.emplace_back(db, c.id, /*with_evidence=*/true);
    scores_.resize(columns.size());
  }
  // The scores of `response_id`, one per column given (present or not).
  const std::vector<score> &take(int64_t response_id) {
    for (size_t i = 0; i < cursors_.size(); ++i) {
      auto &out = scores_[i];
      const page_score *s = cursors_[i].at(response_id);
      out.present = s != nullptr;
      if (!s) continue;
      out.value = std::isnan(s->value) ? std::nullopt : std::optional(s->value);
      out.label = s->label;
      out.evidence = s->evidence;
    }
    return scores_;
  }

private:
  std::deque<metric_cursor> cursors_; // not moved: each points into its own page
  std::vector<score> scores_;         // reused from response to response
};

std::string number_text(double v) { return fmt::format("{}", v); }

} // namespace

uint64_t export_responses(sql::connection &db, export_format format, std::ostream &out) {
  auto metrics = metric_columns(db);
  score_cursor scores(db, metrics);
  auto rows = db.prepare_scan(response_sql);
  constexpr int first_exported = 1, column_count = static_cast<int>(std::size(response_columns));
  constexpr int attributes_column = first_exported + column_count;

  std::string line; // one CSV line, reused
  if (format == export_format::csv) {
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
    out << line;
  }
  uint64_t count = 0;
  while (rows.step()) {
    const auto &response_scores = scores.take(rows.column_int(0));
    if (format == export_format::csv) {
      line.clear();
      for (int c = 0; c < column_count; ++c) {
        if (c) line += ',';
        auto value = rows.column_text(first_exported + c);
        if (value.empty())
          for (size_t i = 0; i < metrics.size(); ++i)
            if (metrics[i].fills && metrics[i].header == response_columns[c] &&
                response_scores[i].present)
              value = response_scores[i].label;
        append_csv_field(line, value);
      }
      for (size_t i = 0; i < metrics.size(); ++i) {
        const auto &m = metrics[i];
        const auto &s = response_scores[i];
        if (m.fills) continue;
        line += ',';
        if (!s.present) continue;
        if (m.label)
          append_csv_field(line, s.label);
        else if (s.value)
          append_csv_field(line, number_text(*s.value));
      }
      line += "\r\n";
      out << line;
    } else {
      rapidjson::StringBuffer buffer;
      rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
      w.StartObject();
      for (int c = 0; c < column_count; ++c) {
        int column = first_exported + c;
        if (rows.is_null(column)) continue;
        w.Key(response_columns[c]);
        switch (rows.column_type(column)) {
        case SQLITE_INTEGER:
          w.Int64(rows.column_int(column));
          break;
        case SQLITE_FLOAT:
          w.Double(rows.column_double(column));
          break;
        default: {
          auto text = rows.column_text(column);
          w.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
        }
        }
      }
      rapidjson::Document attributes;
      auto json = rows.column_text(attributes_column);
      attributes.Parse(json.data(), json.size());
      if (attributes.IsObject()) {
        w.Key("attributes");
        attributes.Accept(w);
      }
      w.Key("scores");
      w.StartObject();
      for (size_t i = 0; i < metrics.size(); ++i) {
        const auto &s = response_scores[i];
        if (!s.present) continue;
        const std::string name = metrics[i].analyzer + "." + metrics[i].metric;
        w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
        w.StartObject();
        w.Key("value");
        s.value ? (void)w.Double(*s.value) : (void)w.Null();
        auto size = [](std::string_view t) { return static_cast<rapidjson::SizeType>(t.size()); };
        if (!s.label.empty()) w.Key("label"), w.String(s.label.data(), size(s.label));
        if (!s.evidence.empty()) w.Key("evidence"), w.String(s.evidence.data(), size(s.evidence));
        w.EndObject();
      }
      w.EndObject();
      w.EndObject();
      out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
      out << '\n';
    }
    ++count;
  }
  return count;
}

} // namespace rebuy::core
