#include "report/response_scan.hpp"

#include "util/bounded_queue.hpp"
#include "util/errors.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace rebuy::core {
namespace {

// Response columns a report may break down or filter by.
constexpr const char *dimension_columns[] = {"source",   "kind",          "segment",
                                             "product",  "journey_stage", "country",
                                             "language", "channel",       "customer"};

// Scanned responses with copies of their texts: what the scan's reader hands its visitors'
// threads. Its text never grows past what it reserved, so the copies' views stay put.
class response_batch {
public:
  static constexpr size_t max_rows = 2048, text_capacity = size_t{1} << 20;

  explicit response_batch(size_t dimensions) : dimensions_(dimensions) {
    text_.reserve(text_capacity);
    rows_.reserve(max_rows);
    dims_.reserve(max_rows * dimensions); // never reallocated: the rows' spans stay put
  }
  // Whether r's texts fit beside what the batch holds; an empty batch takes any row.
  bool fits(const scanned_response &r) const {
    return rows_.empty() ||
           (rows_.size() < max_rows && text_.size() + text_size(r) <= text_.capacity());
  }
  void add(const scanned_response &r) {
    if (rows_.empty()) text_.reserve(text_size(r));
    scanned_response &copy = rows_.emplace_back(r);
    copy.submitted_at = keep(r.submitted_at);
    copy.customer = keep(r.customer);
    copy.text = keep(r.text);
    copy.buy_again_answer = keep(r.buy_again_answer);
    const size_t at = dims_.size();
    for (auto dim : r.dims)
      dims_.push_back(keep(dim));
    copy.dims = std::span(dims_).subspan(at, dimensions_);
  }
  const std::vector<scanned_response> &rows() const { return rows_; }
  void clear() {
    text_.clear();
    rows_.clear();
    dims_.clear();
  }

private:
  static size_t text_size(const scanned_response &r) {
    size_t size =
        r.submitted_at.size() + r.customer.size() + r.text.size() + r.buy_again_answer.size();
    for (auto dim : r.dims)
      size += dim.size();
    return size;
  }
  std::string_view keep(std::string_view t) {
    const size_t at = text_.size();
    text_.append(t);
    return std::string_view(text_).substr(at, t.size());
  }

  size_t dimensions_;
  std::string text_;
  std::vector<scanned_response> rows_;
  std::vector<std::string_view> dims_;
};

// Batches come back once every visitor has read them: a new one would cost its megabyte's page
// faults again.
class batch_pool {
public:
  explicit batch_pool(size_t dimensions) : dimensions_(dimensions) {}

  std::shared_ptr<response_batch> take() {
    std::unique_ptr<response_batch> batch;
    {
      std::lock_guard lock(mutex_);
      if (!free_.empty()) batch = std::move(free_.back()), free_.pop_back();
    }
    if (!batch) batch = std::make_unique<response_batch>(dimensions_);
    return {batch.release(), [this](response_batch *done) { give_back(done); }};
  }

private:
  void give_back(response_batch *done) noexcept {
    std::unique_ptr<response_batch> batch(done);
    batch->clear();
    std::lock_guard lock(mutex_);
    try {
      free_.push_back(std::move(batch));
    } catch (...) { // not kept: deleted
    }
  }

  size_t dimensions_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<response_batch>> free_;
};

} // namespace

// Columns of a run's mapping with a given role ("nps", or "attribute" for unmapped ones).
std::vector<std::string> columns_with_role(std::string_view mapping, const char *role) {
  std::vector<std::string> out;
  rapidjson::Document doc;
  doc.Parse(mapping.data(), mapping.size());
  if (!doc.IsArray()) return out;
  for (const auto &c : doc.GetArray())
    if (c.IsObject() && c.HasMember("role") && c["role"].IsString() && c["role"] == role &&
        c.HasMember("column") && c["column"].IsString()) {
      std::string column = c["column"].GetString();
      if (std::find(out.begin(), out.end(), column) == out.end()) out.push_back(column);
    }
  return out;
}

std::vector<std::string> answered_runs::questions(sql::connection &db, const char *role) const {
  std::vector<std::string> out, mappings_seen;
  auto mapping = db.prepare("SELECT mapping FROM import_runs WHERE id = ?1");
  for (const int64_t run : runs_) {
    mapping.reset();
    mapping.bind(1, run);
    if (!mapping.step()) continue;
    std::string text(mapping.column_text(0));
    if (std::find(mappings_seen.begin(), mappings_seen.end(), text) != mappings_seen.end())
      continue;
    for (auto &column : columns_with_role(text, role))
      if (std::find(out.begin(), out.end(), column) == out.end()) out.push_back(std::move(column));
    mappings_seen.push_back(std::move(text));
  }
  return out;
}

intent scanned_response::stated_intent() const {
  if (!std::isnan(level))
    return level < 0.5   ? intent::would_not
           : level > 0.5 ? intent::would
                         : (top2 == 1 ? intent::would : intent::unsure);
  if (!std::isnan(top2)) return top2 == 1 ? intent::would : intent::unsure;
  if (has_estimate()) return probability < 0.5 ? intent::would_not : intent::would;
  return intent::unknown;
}

std::string dimension_expression(sql::dialect dialect, const std::string &name,
                                 std::vector<std::string> &parameters) {
  if (std::find_if(std::begin(dimension_columns), std::end(dimension_columns),
                   [&](const char *c) { return name == c; }) != std::end(dimension_columns))
    return "r." + name;
  if (name.empty() || name.find('"') != std::string::npos)
    throw usage_error("'" + name + "' cannot name an attribute");
  if (dialect == sql::dialect::postgres) {
    parameters.push_back(name);
    return "(CAST(r.attributes AS jsonb) ->> CAST(?" + std::to_string(parameters.size()) +
           " AS TEXT))";
  }
  parameters.push_back("$.\"" + name + "\"");
  return "json_extract(r.attributes, ?" + std::to_string(parameters.size()) + ")";
}

filter_sql filter_condition(sql::dialect dialect, const report_filter &filter) {
  filter_sql out;
  out.condition = "1 = 1";
  if (!filter.source.empty()) {
    out.parameters.push_back(filter.source);
    out.condition += " AND r.source = ?" + std::to_string(out.parameters.size());
  }
  for (const auto &[name, value] : filter.where) {
    std::string expression = dimension_expression(dialect, name, out.parameters);
    out.parameters.push_back(value);
    // json_extract returns numbers as numbers: compare as text.
    out.condition +=
        " AND CAST(" + expression + " AS TEXT) = ?" + std::to_string(out.parameters.size());
  }
  return out;
}

void bind_all(sql::statement &s, const filter_sql &f) {
  for (size_t i = 0; i < f.parameters.size(); ++i)
    s.bind(static_cast<int>(i + 1), std::string_view(f.parameters[i]));
}

void scan_responses(sql::connection &db, const report_options &options, const report_scores &scores,
                    const std::function<void(const scanned_response &)> &visit) {
  // Runs whose file asks the NPS question: their responses without an answer
  // skipped it (the --nps-denominator all policy counts them).
  std::vector<int64_t> nps_runs;
  {
    auto s = db.prepare("SELECT id, mapping FROM import_runs");
    while (s.step())
      if (!columns_with_role(s.column_text(1), "nps").empty()) nps_runs.push_back(s.column_int(0));
  }

  filter_sql filter = filter_condition(db.dialect(), options.filter);
  std::string columns =
      "r.id, r.submitted_at, r.customer, coalesce(r.text, r.title), r.buy_again, "
      "r.order_value, r.run_id, r.key_hash, CASE WHEN r.nps IS NULL THEN 0 ELSE 1 END, "
      "CASE WHEN r.recommend IS NULL THEN 0 ELSE 1 END, r.segment, r.product, "
      "r.source, r.journey_stage";
  for (const auto &by : options.by)
    columns += ", CAST(" + dimension_expression(db.dialect(), by, filter.parameters) + " AS TEXT)";
  // In id order, which the score cursors need; SQLite's table order already.
  auto s = db.prepare_scan("SELECT " + columns + " FROM responses r WHERE " + filter.condition +
                           " ORDER BY r.id");
  bind_all(s, filter);

  scanned_response r;
  std::vector<std::string_view> dims(fixed_dimension_count + options.by.size());
  r.dims = dims;
  constexpr int first_dim_column = 10;
  int64_t run_id = -1;
  while (s.step()) {
    r.id = s.column_int(0);
    r.submitted_at = s.column_text(1);
    r.customer = s.column_text(2);
    r.text = s.column_text(3);
    r.buy_again_answer = s.column_text(4);
    r.order_value = s.is_null(5) ? NAN : s.column_double(5);
    if (const int64_t run = s.column_int(6); run != run_id) {
      run_id = run; // responses come mostly grouped by run
      r.nps_asked = std::find(nps_runs.begin(), nps_runs.end(), run) != nps_runs.end();
    }
    r.run_id = run_id;
    r.key_hash = s.column_int(7);
    r.nps_answered = s.column_int(8) != 0;
    r.recommend_answered = s.column_int(9) != 0;
    for (size_t i = 0; i < dims.size(); ++i)
      dims[i] = s.column_text(first_dim_column + static_cast<int>(i));
    if (dims[3].empty()) dims[3] = scores.journey_stage(r.id);
    scores.fill(r);
    visit(r);
  }
}

void scan_responses_in_parallel(sql::connection &db, const report_options &options,
                                const report_scores &scores,
                                const std::vector<response_visitor> &visitors) {
  using batch_ptr = std::shared_ptr<const response_batch>;
  struct lane {
    bounded_queue<batch_ptr> batches{4}; // bounded: memory stays a few batches
    std::exception_ptr failure;
    std::thread thread;
  };
  struct visitor_failed {};
  batch_pool pool(fixed_dimension_count + options.by.size()); // outlives the lanes' batches
  std::deque<lane> lanes(visitors.size());                    // not moved: threads point at them
  auto stop = [&lanes] {
    for (auto &l : lanes)
      l.batches.close();
    for (auto &l : lanes)
      if (l.thread.joinable()) l.thread.join();
  };
  auto publish = [&lanes](batch_ptr batch) {
    for (auto &l : lanes)
      if (!l.batches.push(batch)) throw visitor_failed{};
  };
  try {
    for (size_t i = 0; i < lanes.size(); ++i)
      lanes[i].thread = std::thread([&l = lanes[i], &visit = visitors[i]] {
        try {
          while (auto batch = l.batches.pop())
            for (const auto &r : (*batch)->rows())
              visit(r);
        } catch (...) {
          l.failure = std::current_exception();
          l.batches.close(); // the reader's next push fails and it stops
        }
      });
    auto batch = pool.take();
    scan_responses(db, options, scores, [&](const scanned_response &r) {
      if (!batch->fits(r)) {
        publish(std::move(batch));
        batch = pool.take();
      }
      batch->add(r);
    });
    if (!batch->rows().empty()) publish(std::move(batch));
  } catch (const visitor_failed &) {
    // The visitor's own failure is rethrown below, once every lane has stopped.
  } catch (...) {
    stop();
    throw;
  }
  stop();
  for (auto &l : lanes)
    if (l.failure) std::rethrow_exception(l.failure);
}

} // namespace rebuy::core
