#include "pipeline/rating_calibration.hpp"

#include "store/score_store.hpp"
#include "store/settings.hpp"

#include <rebuy/text_util.hpp>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace rebuy::core {
namespace {

struct pair_sums {
  uint64_t n = 0;
  double y = 0;
};

struct rating_tally {
  std::string rating;
  pair_sums orders, answers;
  double fallback = NAN; // the analyzer's reading, from any response it read the rating for
};

// Pool adjacent violators: the closest non-decreasing sequence in weighted squares.
void make_monotone(std::vector<rating_step> &steps, const std::vector<double> &weights) {
  struct block {
    double weight, value;
    size_t first, last;
  };
  std::vector<block> blocks;
  for (size_t i = 0; i < steps.size(); ++i) {
    blocks.push_back({weights[i], steps[i].calibrated, i, i});
    while (blocks.size() > 1 && blocks[blocks.size() - 2].value > blocks.back().value) {
      block b = blocks.back();
      blocks.pop_back();
      block &a = blocks.back();
      a.value = (a.value * a.weight + b.value * b.weight) / (a.weight + b.weight);
      a.weight += b.weight;
      a.last = b.last;
    }
  }
  for (const auto &b : blocks)
    for (size_t i = b.first; i <= b.last; ++i)
      steps[i].calibrated = b.value;
}

} // namespace

std::optional<double> rating_position(double rating, std::optional<double> max) {
  const double top = max.value_or(5);
  if (!(top > 1) || !std::isfinite(rating)) return std::nullopt;
  return std::max(0.0, (rating - 1) / (top - 1));
}

const rating_step *rating_calibration::at(double position) const {
  auto it = std::lower_bound(steps.begin(), steps.end(), position - 1e-9,
                             [](const rating_step &s, double p) { return s.position < p; });
  return it != steps.end() && std::fabs(it->position - position) <= 1e-9 ? &*it : nullptr;
}

rating_calibration fit_rating_calibration(sql::connection &db, double shrinkage) {
  std::map<double, rating_tally> by_position;
  {
    metric_cursor answer(db, "buy_again", "buy_again_top2_box", false),
        ordered(db, core_analyzer_id, "ordered_again", false),
        fallback(db, "buy_again", "rating_probability", false);
    auto s =
        db.prepare_scan("SELECT id, rating, rating_max FROM responses WHERE rating IS NOT NULL "
                        "ORDER BY id");
    while (s.step()) {
      const int64_t id = s.column_int(0);
      const double rating = s.column_double(1);
      const auto max = s.column_optional_double(2);
      const auto position = rating_position(rating, max);
      if (!position) continue;
      auto &t = by_position[std::round(*position * 1e9) / 1e9];
      if (t.rating.empty())
        t.rating = short_number(rating) + " of " + short_number(max.value_or(5));
      const page_score *a = answer.at(id), *o = ordered.at(id), *f = fallback.at(id);
      if (o && !std::isnan(o->value)) ++t.orders.n, t.orders.y += o->value;
      if (a && !std::isnan(a->value)) ++t.answers.n, t.answers.y += a->value;
      if (f && !std::isnan(f->value)) t.fallback = f->value;
    }
  }

  rating_calibration out;
  out.shrinkage = shrinkage;
  uint64_t orders = 0, answers = 0;
  for (const auto &[position, t] : by_position)
    orders += t.orders.n, answers += t.answers.n;
  const bool use_orders = orders >= min_calibration_pairs;
  if (!use_orders && answers < min_calibration_pairs) {
    out.other_pairs = orders + answers;
    return out;
  }
  out.basis = use_orders ? "orders" : "answers";
  out.pairs = use_orders ? orders : answers;
  out.other_pairs = use_orders ? answers : orders;

  // Only ratings the analyzer read without an answer need a reading; a rating with no pairs
  // keeps the analyzer's.
  std::vector<double> weights;
  for (const auto &[position, t] : by_position) {
    const pair_sums &p = use_orders ? t.orders : t.answers;
    if (std::isnan(t.fallback) || p.n == 0) continue;
    rating_step step{position, t.rating, p.n, p.y / static_cast<double>(p.n), t.fallback, 0};
    step.calibrated = (p.y + shrinkage * t.fallback) / (static_cast<double>(p.n) + shrinkage);
    out.steps.push_back(std::move(step));
    weights.push_back(static_cast<double>(p.n) + shrinkage);
  }
  make_monotone(out.steps, weights);
  return out;
}

void store_rating_calibration(sql::connection &db, const rating_calibration &c) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("basis"), c.fitted() ? (void)w.String(c.basis.c_str()) : (void)w.Null();
  w.Key("pairs"), w.Uint64(c.pairs);
  w.Key("other_pairs"), w.Uint64(c.other_pairs);
  w.Key("shrinkage"), w.Double(c.shrinkage);
  w.Key("steps"), w.StartArray();
  for (const auto &s : c.steps) {
    w.StartObject();
    w.Key("position"), w.Double(s.position);
    w.Key("rating"), w.String(s.rating.c_str());
    w.Key("pairs"), w.Uint64(s.pairs);
    w.Key("observed"), w.Double(s.observed);
    w.Key("fallback"), w.Double(s.fallback);
    w.Key("calibrated"), w.Double(s.calibrated);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  write_setting(db, "rating_calibration", {buffer.GetString(), buffer.GetSize()});
}

std::optional<rating_calibration> stored_rating_calibration(sql::connection &db) {
  const auto json = read_setting(db, "rating_calibration");
  if (!json) return std::nullopt;
  rapidjson::Document d;
  d.Parse(json->data(), json->size());
  if (d.HasParseError() || !d.IsObject()) return std::nullopt;
  rating_calibration c;
  auto number = [](const rapidjson::Value &o, const char *key) {
    return o.HasMember(key) && o[key].IsNumber() ? o[key].GetDouble() : 0.0;
  };
  auto count = [&](const rapidjson::Value &o, const char *key) {
    return o.HasMember(key) && o[key].IsUint64() ? o[key].GetUint64() : uint64_t{0};
  };
  if (d.HasMember("basis") && d["basis"].IsString()) c.basis = d["basis"].GetString();
  c.pairs = count(d, "pairs");
  c.other_pairs = count(d, "other_pairs");
  c.shrinkage = number(d, "shrinkage");
  if (d.HasMember("steps") && d["steps"].IsArray())
    for (const auto &o : d["steps"].GetArray()) {
      if (!o.IsObject()) continue;
      rating_step step;
      step.position = number(o, "position");
      if (o.HasMember("rating") && o["rating"].IsString()) step.rating = o["rating"].GetString();
      step.pairs = count(o, "pairs");
      step.observed = number(o, "observed");
      step.fallback = number(o, "fallback");
      step.calibrated = number(o, "calibrated");
      c.steps.push_back(std::move(step));
    }
  return c;
}

} // namespace rebuy::core
