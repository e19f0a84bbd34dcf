#include "report/drivers_data.hpp"

#include "stats/relative_weights.hpp"
#include "util/fnv1a.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace rebuy::core {
namespace {

// Rows whose attributes decide which columns are items: enough to see a scale and its codes.
constexpr size_t sampled_rows = 500;
constexpr size_t resamples = 200;

// A JSON attribute as the text it was imported from.
std::string attribute_text(const rapidjson::Value &v) {
  if (v.IsString()) return std::string(v.GetString(), v.GetStringLength());
  if (v.IsInt64()) return std::to_string(v.GetInt64());
  if (v.IsNumber()) return fmt::format("{}", v.GetDouble());
  return {};
}

bool parse_attributes(sql::statement &lookup, int64_t id, rapidjson::Document &doc) {
  lookup.reset();
  lookup.bind(1, id);
  if (!lookup.step()) return false;
  const std::string_view json = lookup.column_text(1);
  doc.Parse(json.data(), json.size());
  return !doc.HasParseError() && doc.IsObject();
}

std::vector<sampled_column> sample_columns(sql::statement &lookup,
                                           const std::vector<int64_t> &ids) {
  std::vector<sampled_column> columns;
  std::unordered_map<std::string, size_t> index;
  rapidjson::Document doc;
  for (size_t r = 0; r < ids.size(); ++r) {
    if (!parse_attributes(lookup, ids[r], doc)) continue;
    for (const auto &m : doc.GetObject()) {
      std::string name(m.name.GetString(), m.name.GetStringLength());
      auto [it, added] = index.emplace(name, columns.size());
      if (added) columns.push_back({std::move(name), {}});
      auto &values = columns[it->second].values;
      values.resize(r); // a column absent from earlier rows was blank there
      values.push_back(attribute_text(m.value));
    }
  }
  return columns;
}

// The bootstrap's seed: the same store gives the same intervals.
uint64_t seed_of(std::string_view source, std::string_view question, std::string_view outcome) {
  const std::string_view separator("\x1f", 1);
  return fnv1a(outcome, fnv1a(separator, fnv1a(question, fnv1a(separator, fnv1a(source)))));
}

struct outcome_column {
  const char *outcome, *measure;
  std::vector<double> values; // one per read row, NaN when absent
  uint64_t present() const {
    return static_cast<uint64_t>(
        std::count_if(values.begin(), values.end(), [](double v) { return !std::isnan(v); }));
  }
};

driver_set fit_set(const std::string &source, const driver_group &group,
                   const std::vector<size_t> &item_columns, const std::vector<double> &table,
                   size_t width, const outcome_column &outcome) {
  driver_set set;
  set.source = source;
  set.question = group.question;
  set.outcome = outcome.outcome;
  set.measure = outcome.measure;
  set.summaries = group.summaries;
  // Items rated next to the outcome too rarely to weigh are named, not fitted.
  std::vector<size_t> kept;
  for (size_t j = 0; j < item_columns.size(); ++j) {
    uint64_t answered = 0;
    for (size_t r = 0; r < outcome.values.size(); ++r)
      answered += !std::isnan(outcome.values[r]) && !std::isnan(table[r * width + item_columns[j]]);
    if (answered < min_driver_responses)
      set.too_few.push_back(group.items[j].column);
    else if (kept.size() == max_driver_items)
      set.beyond_limit.push_back(group.items[j].column);
    else
      kept.push_back(j);
  }
  const size_t p = kept.size();
  std::vector<double> x, y;
  for (size_t r = 0; r < outcome.values.size(); ++r) {
    if (std::isnan(outcome.values[r])) continue;
    y.push_back(outcome.values[r]);
    for (size_t j : kept)
      x.push_back(table[r * width + item_columns[j]]);
  }
  if (p < 2) return set; // no drivers to weigh against each other
  const auto fit = stats::relative_weights(x, p, y);
  set.responses = fit.rows;
  set.r_squared = fit.r_squared;
  const auto intervals = stats::relative_weight_intervals(
      x, p, y, resamples, 0.95, seed_of(source, group.question, outcome.outcome));
  for (size_t j = 0; j < p; ++j) {
    driver_item item{group.items[kept[j]].column, group.items[kept[j]].scale};
    double sum = 0;
    for (size_t r = 0; r < y.size(); ++r)
      if (const double v = x[r * p + j]; !std::isnan(v)) ++item.answered, sum += v;
    if (item.answered) item.mean = sum / static_cast<double>(item.answered);
    item.weight = fit.weights[j];
    item.low = intervals[j].low;
    item.high = intervals[j].high;
    set.items.push_back(std::move(item));
  }
  std::stable_sort(set.items.begin(), set.items.end(),
                   [](const driver_item &a, const driver_item &b) { return a.weight > b.weight; });
  return set;
}

} // namespace

drivers_builder::drivers_builder(sql::connection &db)
    : lookup_(db.prepare("SELECT nps, attributes FROM responses WHERE id = ?1")) {}

void drivers_builder::add(const scanned_response &r) {
  const std::string_view source = r.dims[2];
  if (!last_ || source != last_source_) {
    auto it = sources_.find(source);
    if (it == sources_.end()) it = sources_.emplace(std::string(source), huge_vector<row>{}).first;
    last_ = &it->second;
    last_source_ = it->first;
  }
  // Estimates from ratings and orders stand in for a stated answer; one read off the text is
  // too far from any rating to be explained by them.
  const bool estimated = r.has_estimate() && (r.basis == "orders" || r.basis == "rating");
  // Only responses with an outcome can be weighed (an NPS answer has its class).
  if (std::isnan(r.level) && !estimated && std::isnan(r.would_recommend) && std::isnan(r.nps_class))
    return;
  last_->push_back({r.ref(), static_cast<float>(r.level),
                    estimated ? static_cast<float>(r.probability) : NAN,
                    static_cast<float>(r.would_recommend)});
}

drivers_data drivers_builder::finish() {
  drivers_data out;
  for (auto &[source, all_rows] : sources_) {
    if (all_rows.size() < min_driver_responses) continue;
    // In the order examples are chosen in, not the order of arrival: the rows that decide the
    // items, the sample and the bootstrap's draws are the same whichever order they arrived in.
    auto order = [](const row &a, const row &b) { return chosen_before(a.ref, b.ref); };
    const auto deciding_end = all_rows.begin() + std::min(all_rows.size(), sampled_rows);
    std::nth_element(all_rows.begin(), deciding_end, all_rows.end(), order);
    std::sort(all_rows.begin(), deciding_end, order);
    std::vector<int64_t> deciding;
    for (auto it = all_rows.begin(); it != deciding_end; ++it)
      deciding.push_back(it->ref.id);
    const std::vector<driver_group> groups = find_driver_groups(sample_columns(lookup_, deciding));
    if (groups.empty()) continue;
    std::sort(deciding_end, all_rows.end(), order);

    // The rows read: all, or an evenly spaced sample of a large source.
    std::vector<const row *> rows;
    const size_t n = all_rows.size(), kept = std::min<size_t>(n, max_driver_responses);
    for (size_t i = 0; i < kept; ++i)
      rows.push_back(&all_rows[i * n / kept]);

    std::vector<driver_item_spec> items;
    for (const auto &g : groups)
      items.insert(items.end(), g.items.begin(), g.items.end());
    const size_t width = items.size();
    std::vector<double> table(rows.size() * width, NAN);
    outcome_column stated{"would_buy_again", "the stated would-buy-again answer", {}},
        estimated{"would_buy_again",
                  "the estimated probability of buying again (from ratings or orders)",
                  {}},
        nps{"would_recommend", "the 0-10 likelihood to recommend", {}},
        recommend{"would_recommend", "the yes/no would-recommend answer", {}};
    rapidjson::Document doc;
    for (size_t r = 0; r < rows.size(); ++r) {
      stated.values.push_back(rows[r]->stated);
      estimated.values.push_back(rows[r]->estimated);
      recommend.values.push_back(rows[r]->recommend);
      const bool found = parse_attributes(lookup_, rows[r]->ref.id, doc);
      nps.values.push_back(found && !lookup_.is_null(0) ? lookup_.column_double(0) : NAN);
      if (!found) continue;
      for (size_t c = 0; c < width; ++c) {
        const rapidjson::Value name(
            rapidjson::StringRef(items[c].column.data(), items[c].column.size()));
        auto m = doc.FindMember(name);
        if (m != doc.MemberEnd())
          table[r * width + c] = items[c].scale.read(attribute_text(m->value));
      }
    }

    std::vector<const outcome_column *> outcomes;
    for (auto pair : {std::pair{&stated, &estimated}, std::pair{&nps, &recommend}}) {
      if (pair.first->present() >= min_driver_responses)
        outcomes.push_back(pair.first);
      else if (pair.second->present() >= min_driver_responses)
        outcomes.push_back(pair.second);
    }
    size_t first_column = 0;
    for (const auto &g : groups) {
      std::vector<size_t> columns(g.items.size());
      for (size_t j = 0; j < columns.size(); ++j)
        columns[j] = first_column + j;
      first_column += columns.size();
      for (const auto *outcome : outcomes) {
        driver_set set = fit_set(source, g, columns, table, width, *outcome);
        if (set.responses < min_driver_responses) continue;
        if (kept < n) set.sampled_from = n;
        out.sets.push_back(std::move(set));
      }
    }
  }
  return out;
}

} // namespace rebuy::core
