#include "report/response_scan.hpp"

#include "report/string_map.hpp"
#include "util/errors.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace rebuy::core {
namespace {

// Response columns a report may break down or filter by.
constexpr const char *dimension_columns[] = {"source",   "kind",          "segment",
                                             "product",  "journey_stage", "country",
                                             "language", "channel",       "customer"};

enum class kept { value, label, both };

// One metric's values and/or labels by response id. Values stay doubles: a
// probability of 0.2 must fall in the same calibration bin as it was written.
class score_column {
public:
  score_column(const char *analyzer, const char *metric, kept what)
      : analyzer_(analyzer), metric_(metric), what_(what) {}

  void allocate(int64_t first_id, int64_t last_id) {
    const size_t size = last_id >= first_id ? static_cast<size_t>(last_id - first_id + 1) : 0;
    first_ = first_id;
    if (what_ != kept::label) values_.assign(size, NAN);
    if (what_ != kept::value) labels_.assign(size, 0);
    labels_dict_.assign(1, std::string());
  }
  bool is(std::string_view analyzer, std::string_view metric) const {
    return analyzer == analyzer_ && metric == metric_;
  }
  // Takes value and label from columns 3 and 4 of a scores row.
  void set(int64_t id, const sql::statement &s) {
    size_t at = static_cast<size_t>(id - first_);
    if (at >= std::max(values_.size(), labels_.size())) return;
    if (what_ != kept::label && !s.is_null(3)) values_[at] = s.column_double(3);
    if (what_ != kept::value && !s.is_null(4)) {
      std::string_view label = s.column_text(4);
      auto it = index_.find(label);
      if (it == index_.end()) {
        it = index_.emplace(std::string(label), static_cast<uint32_t>(labels_dict_.size())).first;
        labels_dict_.emplace_back(label);
      }
      labels_[at] = it->second;
    }
  }
  double value(int64_t id) const {
    size_t at = static_cast<size_t>(id - first_);
    return at < values_.size() ? values_[at] : NAN;
  }
  std::string_view label(int64_t id) const {
    size_t at = static_cast<size_t>(id - first_);
    return at < labels_.size() ? std::string_view(labels_dict_[labels_[at]]) : std::string_view();
  }

private:
  const char *analyzer_, *metric_;
  kept what_;
  int64_t first_ = 0;
  std::vector<double> values_;
  std::vector<uint32_t> labels_;
  std::vector<std::string> labels_dict_; // [0] is "no label"
  string_map<uint32_t> index_;
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

intent scanned_response::stated_intent() const {
  if (!std::isnan(level))
    return level < 0.5   ? intent::would_not
           : level > 0.5 ? intent::would
                         : (top2 == 1 ? intent::would : intent::unsure);
  if (!std::isnan(top2)) return top2 == 1 ? intent::would : intent::unsure;
  if (has_estimate()) return probability < 0.5 ? intent::would_not : intent::would;
  return intent::unknown;
}

std::string dimension_expression(const std::string &name, std::vector<std::string> &parameters) {
  if (std::find_if(std::begin(dimension_columns), std::end(dimension_columns),
                   [&](const char *c) { return name == c; }) != std::end(dimension_columns))
    return "r." + name;
  if (name.empty() || name.find('"') != std::string::npos)
    throw usage_error("'" + name + "' cannot name an attribute");
  parameters.push_back("$.\"" + name + "\"");
  return "json_extract(r.attributes, ?" + std::to_string(parameters.size()) + ")";
}

filter_sql filter_condition(const report_filter &filter) {
  filter_sql out;
  out.condition = "1";
  if (!filter.source.empty()) {
    out.parameters.push_back(filter.source);
    out.condition += " AND r.source = ?" + std::to_string(out.parameters.size());
  }
  for (const auto &[name, value] : filter.where) {
    std::string expression = dimension_expression(name, out.parameters);
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

void scan_responses(sql::connection &db, const report_options &options,
                    const std::function<void(const scanned_response &)> &visit) {
  int64_t first_id = 0, last_id = -1;
  {
    auto s = db.prepare("SELECT min(id), max(id) FROM responses");
    if (s.step() && !s.is_null(0)) first_id = s.column_int(0), last_id = s.column_int(1);
  }
  score_column nps("nps", "nps_class", kept::value);
  score_column top2("buy_again", "buy_again_top2_box", kept::value);
  score_column level("buy_again", "buy_again_level", kept::both);
  score_column probability("rebuy", "buy_again_probability", kept::value);
  score_column basis("rebuy", "buy_again_basis", kept::label);
  score_column ordered("rebuy", "ordered_again", kept::value);
  score_column repeat("buy_again", "repeat_customer", kept::value);
  score_column themes("themes", "themes", kept::label);
  score_column stage("themes", "journey_stage", kept::label);
  score_column *columns_read[] = {&nps,     &top2,   &level,  &probability, &basis,
                                  &ordered, &repeat, &themes, &stage};
  for (auto *c : columns_read)
    c->allocate(first_id, last_id);
  {
    // One sequential pass over the table (clustered by response id) beats a
    // lookup per row through the metric index once labels are needed.
    auto s = db.prepare("SELECT response_id, analyzer, metric, value, label FROM scores");
    while (s.step()) {
      std::string_view analyzer = s.column_text(1), metric = s.column_text(2);
      for (auto *c : columns_read)
        if (c->is(analyzer, metric)) {
          c->set(s.column_int(0), s);
          break;
        }
    }
  }

  // Runs whose file asks the NPS question: their responses without an answer
  // skipped it (the --nps-denominator all policy counts them).
  std::vector<int64_t> nps_runs;
  {
    auto s = db.prepare("SELECT id, mapping FROM import_runs");
    while (s.step())
      if (!columns_with_role(s.column_text(1), "nps").empty()) nps_runs.push_back(s.column_int(0));
  }

  filter_sql filter = filter_condition(options.filter);
  std::string columns = "r.id, r.submitted_at, r.customer, coalesce(r.text, r.title), r.buy_again, "
                        "r.order_value, r.run_id, r.segment, r.product, r.source, r.journey_stage";
  for (const auto &by : options.by)
    columns += ", CAST(" + dimension_expression(by, filter.parameters) + " AS TEXT)";
  auto s = db.prepare("SELECT " + columns + " FROM responses r WHERE " + filter.condition);
  bind_all(s, filter);

  scanned_response r;
  r.dims.resize(fixed_dimension_count + options.by.size());
  constexpr int first_dim_column = 7;
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
    for (size_t i = 0; i < r.dims.size(); ++i)
      r.dims[i] = s.column_text(first_dim_column + static_cast<int>(i));
    if (r.dims[3].empty()) r.dims[3] = stage.label(r.id);
    r.nps_class = nps.value(r.id);
    r.top2 = top2.value(r.id);
    r.level = level.value(r.id);
    r.level_label = level.label(r.id);
    r.probability = probability.value(r.id);
    r.basis = basis.label(r.id);
    r.ordered_again = ordered.value(r.id);
    r.repeat_customer = repeat.value(r.id);
    r.themes = themes.label(r.id);
    visit(r);
  }
}

} // namespace rebuy::core
