#include "pipeline/text_model.hpp"

#include "pipeline/rating_calibration.hpp"
#include "stats/logistic.hpp"
#include "store/read_beside.hpp"
#include "store/response_ref.hpp"
#include "store/settings.hpp"
#include "text/hashed_features.hpp"
#include "util/fnv1a.hpp"
#include "util/format_count.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <future>
#include <map>
#include <numeric>

namespace rebuy::core {
namespace {

// Texts of responses asked for in ascending id order: looked up one by one on
// SQLite, read in one pass on a server, where a round trip per text would cost
// seconds on a large store.
class texts_by_id {
public:
  // Ids asked for are `from_id` or more.
  explicit texts_by_id(sql::connection &db, int64_t from_id = INT64_MIN)
      : server_(db.dialect() != sql::dialect::sqlite),
        read_(server_ ? db.prepare_scan("SELECT id, " + std::string(text_sql) +
                                        " FROM responses WHERE id >= ?1 AND coalesce(text, "
                                        "title) IS NOT NULL ORDER BY id")
                      : db.prepare("SELECT id, " + std::string(text_sql) +
                                   " FROM responses WHERE id = ?1")) {
    if (server_) read_.bind(1, from_id);
  }
  // The text of response `id`; ids must not decrease from one call to the next.
  std::string_view at(int64_t id) {
    if (!server_) {
      read_.reset();
      read_.bind(1, id);
      return read_.step() ? read_.column_text(1) : std::string_view();
    }
    while (!done_ && (!started_ || read_.column_int(0) < id)) {
      started_ = true;
      done_ = !read_.step();
    }
    return !done_ && read_.column_int(0) == id ? read_.column_text(1) : std::string_view();
  }

private:
  static constexpr const char *text_sql = "coalesce(title || '. ' || text, text, title)";
  bool server_, started_ = false, done_ = false;
  sql::statement read_;
};

constexpr size_t folds = 5;

// A verdict next to a text: the response's own answer first, then a yes/no recommendation, a
// star rating (4-5 of 5 would, 1-3 would not, as the accuracy measurements label them), an NPS
// class (promoters would, detractors would not).
struct verdict {
  int label = -1; // 1 would, 0 would not, -1 none
  const char *kind = "";
};

verdict judge(const text_readings &r) {
  if (!std::isnan(r.answer)) return {r.answer > 0.5 ? 1 : 0, "answers"};
  if (!std::isnan(r.recommend)) return {r.recommend > 0.5 ? 1 : 0, "recommendations"};
  if (r.rating)
    if (auto p = rating_position(*r.rating, r.rating_max))
      return {*p >= 0.75 - 1e-9 ? 1 : 0, "ratings"};
  if (!std::isnan(r.nps_class) && r.nps_class != 0) return {r.nps_class > 0 ? 1 : 0, "NPS classes"};
  return {};
}

// A closure, not a function: the heap's and the sort's comparisons are inlined.
constexpr auto learnt_before = [](const labelled_text &a, const labelled_text &b) {
  return chosen_before(a.ref, b.ref);
};

// Walks the responses with a text and ids in (after, last]. The unlabelled texts get room for
// `room` of them.
text_walk walk_texts(sql::connection &db, int64_t after, int64_t last, int64_t room) {
  text_walk out;
  if (last <= after) return out;
  // Room for every response, so that the vector never grows by a copy: at 10M texts a copy
  // doubled its memory for a moment. Reserved pages cost no memory until written.
  out.unlabelled().reserve(static_cast<size_t>(std::clamp<int64_t>(room, 0, int64_t{1} << 27)));
  auto rows = db.prepare_scan("SELECT id, source, rating, rating_max, key_hash FROM responses "
                              "WHERE id > ?1 AND id <= ?2 AND coalesce(text, title) IS NOT NULL "
                              "ORDER BY id");
  rows.bind(1, after).bind(2, last);
  std::array<std::optional<metric_cursor>, text_reading_metrics.size()> metrics;
  for (size_t m = 0; m < metrics.size(); ++m)
    metrics[m].emplace(db, text_reading_metrics[m][0], text_reading_metrics[m][1], false, after);
  while (rows.step()) {
    const int64_t id = rows.column_int(0);
    auto value = [&](size_t m) {
      const page_score *s = metrics[m]->at(id);
      return s ? s->value : NAN;
    };
    text_readings r{value(0),
                    value(1),
                    value(2),
                    value(3),
                    rows.column_optional_double(2),
                    rows.column_optional_double(3)};
    out.add({id, rows.column_int(4)}, rows.column_text(1), r);
  }
  return out;
}

// The fold of a text, from the text itself: copies of one review (a product in several
// styles) fall in one fold, so cross-validation never scores a text it learnt.
size_t fold_of_text(std::string_view text) {
  return static_cast<size_t>((fnv1a(text) >> 32) % folds);
}

struct blend {
  double intercept, model, lexicon;
  double apply(double p_model, double p_lexicon) const {
    return stats::logistic(intercept + model * stats::logit(p_model) +
                           (std::isnan(p_lexicon) ? 0.0 : lexicon * stats::logit(p_lexicon)));
  }
};

} // namespace

void text_walk::add(const response_ref &ref, std::string_view source, const text_readings &r) {
  const verdict v = judge(r);
  if (v.label < 0) {
    unlabelled_.push_back({ref.id, r.lexicon});
    return;
  }
  ++labelled_;
  positives_ += static_cast<uint64_t>(v.label);
  offer({ref, v.label, r.lexicon});
  auto s = sources_.find(source);
  if (s == sources_.end()) s = sources_.emplace(source, 0).first;
  ++s->second, ++kinds_[v.kind];
}

void text_walk::offer(const labelled_text &t) {
  if (first_.size() < max_model_texts) {
    first_.push_back(t);
    std::push_heap(first_.begin(), first_.end(), learnt_before);
  } else if (learnt_before(t, first_.front())) {
    std::pop_heap(first_.begin(), first_.end(), learnt_before);
    first_.back() = t;
    std::push_heap(first_.begin(), first_.end(), learnt_before);
  }
}

void text_walk::add(const text_walk &later) {
  labelled_ += later.labelled_, positives_ += later.positives_;
  for (const auto &t : later.first_)
    offer(t);
  unlabelled_.insert(unlabelled_.end(), later.unlabelled_.begin(), later.unlabelled_.end());
  for (const auto &[name, n] : later.sources_)
    sources_[name] += n;
  for (const auto &[name, n] : later.kinds_)
    kinds_[name] += n;
}

std::vector<labelled_text> text_walk::learnt() const {
  std::vector<labelled_text> out = first_;
  std::sort(out.begin(), out.end(), learnt_before);
  return out;
}

learnt_text_model learn_text_model(sql::connection &db, const text_walk_beside *beside) {
  learnt_text_model out;
  text_model_summary &summary = out.summary;
  // One walk over the responses with a text finds the verdicts; texts are read afterwards, only
  // for the responses learnt from and those scored. What an import walked beside it, ids in
  // (after, last], is not walked again; the ids before are split between two connections, where a
  // second one reads beside.
  const response_ids ids = stored_response_ids(db);
  const int64_t after = beside ? beside->after : ids.last, last = beside ? beside->last : ids.last;
  const int64_t middle = after < ids.first ? after : ids.first + (after - ids.first) / 2;
  auto upper_walk = work_beside(db, [&](sql::connection &c) {
    return std::pair(walk_texts(c, middle, after, after - middle),
                     walk_texts(c, last, ids.last, ids.last - last));
  });
  // The lower part's unlabelled texts get room for all: the others join them.
  text_walk walked = walk_texts(db, ids.first - 1, middle, ids.last - ids.first + 1);
  auto [upper, latest] = upper_walk.get();
  walked.add(upper);
  if (beside) walked.add(beside->walk);
  walked.add(latest);
  out.unlabelled = std::move(walked.unlabelled());
  const uint64_t positives_all = walked.positives();
  summary.labelled = walked.labelled();
  summary.unlabelled = out.unlabelled.size();
  summary.sources.assign(walked.sources().begin(), walked.sources().end());
  summary.labels.assign(walked.kinds().begin(), walked.kinds().end());
  const uint64_t negatives_all = summary.labelled - positives_all;
  if (summary.unlabelled == 0)
    summary.reason = "every text has an answer, a recommendation, a rating or an NPS class";
  else if (summary.labelled < min_model_texts)
    summary.reason = fmt::format("{} texts have a verdict to learn from; {} are needed",
                                 format_count(summary.labelled), min_model_texts);
  else if (std::min(positives_all, negatives_all) < min_model_class)
    summary.reason =
        fmt::format("{} of the labelled texts would buy again and {} would not; {} of "
                    "each are needed",
                    format_count(positives_all), format_count(negatives_all), min_model_class);
  if (!summary.reason.empty()) return out;

  // The texts learnt from, in the order of their keys' hashes, not of their ids: the sample and the
  // gradient descent's order are the same whichever order the responses arrived in. Texts are
  // read in id order, then put in place.
  const std::vector<labelled_text> learnt = walked.learnt();
  std::vector<size_t> by_id(learnt.size());
  std::iota(by_id.begin(), by_id.end(), size_t{0});
  std::sort(by_id.begin(), by_id.end(),
            [&learnt](size_t a, size_t b) { return learnt[a].ref.id < learnt[b].ref.id; });
  std::vector<stats::sparse_row> rows(learnt.size());
  std::vector<uint8_t> labels(learnt.size());
  std::vector<double> lexicon(learnt.size());
  std::vector<size_t> fold_of(learnt.size());
  // Each text's features; the upper half of the ids on a second connection meanwhile, where one
  // reads beside. Each half fills its own texts' places.
  auto read = [&](sql::connection &c, std::span<const size_t> places) {
    texts_by_id texts(c, places.empty() ? 0 : learnt[places.front()].ref.id);
    for (size_t i : places) {
      const std::string_view text = texts.at(learnt[i].ref.id);
      rows[i] = hashed_features(text, model_feature_bits);
      labels[i] = static_cast<uint8_t>(learnt[i].label);
      lexicon[i] = learnt[i].lexicon;
      fold_of[i] = fold_of_text(text);
    }
  };
  {
    const std::span<const size_t> places(by_id);
    const size_t half = places.size() / 2;
    auto upper = work_beside(db, [&](sql::connection &c) { read(c, places.subspan(half)); });
    read(db, places.first(half));
    upper.get();
  }
  summary.learnt = rows.size();
  summary.positives = static_cast<uint64_t>(std::count(labels.begin(), labels.end(), 1));

  // Out-of-fold predictions of the model, then the blend learnt on them. The folds' models are
  // independent, so both cores fit them; each fold writes only its own rows' predictions.
  const stats::sgd_options options;
  std::vector<double> oof(rows.size());
  auto fit_folds = [&](size_t first) {
    stats::sparse_logistic fold_model(size_t{1} << model_feature_bits);
    for (size_t f = first; f < folds; f += 2) {
      std::vector<size_t> train;
      for (size_t i = 0; i < rows.size(); ++i)
        if (fold_of[i] != f) train.push_back(i);
      fold_model.fit(rows, labels, train, options);
      for (size_t i = 0; i < rows.size(); ++i)
        if (fold_of[i] == f) oof[i] = fold_model.predict(rows[i]);
    }
  };
  // The final model, on every text learnt from, is fitted beside the even folds' three fits,
  // after the odd folds' two: it is needed only when the blend passes its checks below, the
  // usual case, and that core would otherwise wait.
  std::vector<size_t> all(rows.size());
  std::iota(all.begin(), all.end(), size_t{0});
  auto odd_folds = std::async(std::launch::async, [&] {
    fit_folds(1);
    out.model.fit(rows, labels, all, options);
  });
  fit_folds(0);
  odd_folds.get();
  std::vector<double> lexicon_or_half(rows.size()), x(rows.size() * 2);
  for (size_t i = 0; i < rows.size(); ++i) {
    lexicon_or_half[i] = std::isnan(lexicon[i]) ? 0.5 : lexicon[i];
    x[2 * i] = stats::logit(oof[i]);
    x[2 * i + 1] = std::isnan(lexicon[i]) ? 0.0 : stats::logit(lexicon[i]);
  }
  summary.model_auc = stats::roc_auc(oof, labels);
  summary.lexicon_auc = stats::roc_auc(lexicon_or_half, labels);
  // The blend is cross-validated too: learnt on four folds' out-of-fold predictions, it scores
  // the fifth, so its AUC is not flattered by the three numbers it fits.
  std::vector<double> blended(rows.size());
  for (size_t f = 0; f < folds; ++f) {
    std::vector<double> x_train;
    std::vector<uint8_t> y_train;
    for (size_t i = 0; i < rows.size(); ++i)
      if (fold_of[i] != f) {
        x_train.insert(x_train.end(), {x[2 * i], x[2 * i + 1]});
        y_train.push_back(labels[i]);
      }
    const std::vector<double> b = stats::dense_logistic(x_train, 2, y_train);
    for (size_t i = 0; i < rows.size(); ++i)
      if (fold_of[i] == f) blended[i] = blend{b[0], b[1], b[2]}.apply(oof[i], lexicon[i]);
  }
  summary.blend_auc = stats::roc_auc(blended, labels);
  const std::vector<double> beta = stats::dense_logistic(x, 2, labels);
  const blend mix{beta[0], beta[1], beta[2]};
  summary.intercept = mix.intercept, summary.model_weight = mix.model,
  summary.lexicon_weight = mix.lexicon;
  // A model that cannot be told from chance on the texts it was measured on is not used, however
  // it compares with the lexicon: on a few hundred texts, AUCs differ by chance too.
  const double auc_low =
      summary.blend_auc - 1.96 * stats::auc_standard_error(summary.blend_auc, summary.positives,
                                                           summary.learnt - summary.positives);
  if (!(auc_low > 0.5)) {
    summary.reason =
        fmt::format("with the model the labelled texts read no better than by chance "
                    "(cross-validated AUC {:.3f}, its 95 % interval down to {:.3f}, on "
                    "{} texts)",
                    summary.blend_auc, auc_low, format_count(summary.learnt));
    return out;
  }
  if (!(summary.blend_auc >= summary.lexicon_auc + min_model_gain)) {
    summary.reason = fmt::format("with the model the labelled texts read no better than with the "
                                 "lexicon alone (cross-validated AUC {:.3f} against {:.3f}; {:.2f} "
                                 "more is needed)",
                                 summary.blend_auc, summary.lexicon_auc, min_model_gain);
    return out;
  }

  summary.used = true;
  return out;
}

void score_unlabelled_texts(sql::connection &db, score_store &store, const learnt_text_model &m) {
  if (!m.summary.used || m.unlabelled.empty()) return;
  const text_model_summary &summary = m.summary;
  const blend mix{summary.intercept, summary.model_weight, summary.lexicon_weight};
  const std::string why = fmt::format(
      "learnt from {} labelled texts of this store, cross-validated AUC {:.3f} (lexicon {:.3f})",
      format_count(summary.learnt), summary.blend_auc, summary.lexicon_auc);
  auto score = [&](sql::connection &c, std::span<const unlabelled_text> texts_to_score,
                   metric_appender &scores) {
    texts_by_id texts(c, texts_to_score.empty() ? 0 : texts_to_score.front().id);
    for (const unlabelled_text &r : texts_to_score) {
      const double p_model = m.model.predict(hashed_features(texts.at(r.id), model_feature_bits));
      const double p = mix.apply(p_model, r.lexicon);
      scores.add(
          r.id, p, {},
          std::isnan(r.lexicon)
              ? fmt::format("text model {:.2f}, lexicon silent: {:.2f} ({})", p_model, p, why)
              : fmt::format("text model {:.2f} with the lexicon's {:.2f}: {:.2f} ({})", p_model,
                            r.lexicon, p, why));
    }
    scores.finish();
  };
  // The upper half of the texts is read and scored on a second connection meanwhile, where one
  // reads beside; its pages are inserted here.
  const int64_t metric = store.metric_id(core_analyzer_id, "text_model_probability");
  const std::span<const unlabelled_text> all(m.unlabelled);
  const size_t half = all.size() / 2;
  auto upper = work_beside(db, [&](sql::connection &c) {
    metric_appender kept(metric);
    score(c, all.subspan(half), kept);
    return kept;
  });
  metric_appender scores(store, metric);
  score(db, all.first(half), scores);
  metric_appender upper_half = upper.get();
  for (const encoded_run &run : upper_half.kept())
    store.insert(metric, run);
}

text_model_summary fit_text_model(sql::connection &db, score_store &store) {
  const learnt_text_model m = learn_text_model(db);
  score_unlabelled_texts(db, store, m);
  return m.summary;
}

void store_text_model_summary(sql::connection &db, const text_model_summary &s) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto number = [&w](double v) { std::isfinite(v) ? (void)w.Double(v) : (void)w.Null(); };
  auto counts = [&w](const std::vector<std::pair<std::string, uint64_t>> &list) {
    w.StartArray();
    for (const auto &[name, n] : list) {
      w.StartObject();
      w.Key("name"), w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
      w.Key("texts"), w.Uint64(n);
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartObject();
  w.Key("used"), w.Bool(s.used);
  w.Key("reason"), w.String(s.reason.c_str());
  w.Key("labelled"), w.Uint64(s.labelled);
  w.Key("learnt"), w.Uint64(s.learnt);
  w.Key("positives"), w.Uint64(s.positives);
  w.Key("unlabelled"), w.Uint64(s.unlabelled);
  w.Key("sources"), counts(s.sources);
  w.Key("labels"), counts(s.labels);
  w.Key("model_auc"), number(s.model_auc);
  w.Key("lexicon_auc"), number(s.lexicon_auc);
  w.Key("blend_auc"), number(s.blend_auc);
  w.Key("blend"), w.StartArray(), number(s.intercept), number(s.model_weight),
      number(s.lexicon_weight), w.EndArray();
  w.EndObject();
  write_setting(db, "text_model", {buffer.GetString(), buffer.GetSize()});
}

std::optional<text_model_summary> stored_text_model_summary(sql::connection &db) {
  const auto json = read_setting(db, "text_model");
  if (!json) return std::nullopt;
  rapidjson::Document d;
  d.Parse(json->data(), json->size());
  if (d.HasParseError() || !d.IsObject()) return std::nullopt;
  text_model_summary s;
  auto number = [&d](const char *key) {
    return d.HasMember(key) && d[key].IsNumber() ? d[key].GetDouble() : NAN;
  };
  auto count = [&d](const char *key) {
    return d.HasMember(key) && d[key].IsUint64() ? d[key].GetUint64() : uint64_t{0};
  };
  auto counts = [&d](const char *key) {
    std::vector<std::pair<std::string, uint64_t>> out;
    if (d.HasMember(key) && d[key].IsArray())
      for (const auto &o : d[key].GetArray())
        if (o.IsObject() && o.HasMember("name") && o["name"].IsString() && o.HasMember("texts") &&
            o["texts"].IsUint64())
          out.emplace_back(o["name"].GetString(), o["texts"].GetUint64());
    return out;
  };
  s.used = d.HasMember("used") && d["used"].IsBool() && d["used"].GetBool();
  if (d.HasMember("reason") && d["reason"].IsString()) s.reason = d["reason"].GetString();
  s.labelled = count("labelled"), s.learnt = count("learnt"), s.positives = count("positives");
  s.unlabelled = count("unlabelled");
  s.sources = counts("sources"), s.labels = counts("labels");
  s.model_auc = number("model_auc"), s.lexicon_auc = number("lexicon_auc");
  s.blend_auc = number("blend_auc");
  if (d.HasMember("blend") && d["blend"].IsArray() && d["blend"].Size() == 3) {
    const auto &b = d["blend"];
    auto at = [&b](rapidjson::SizeType i) { return b[i].IsNumber() ? b[i].GetDouble() : NAN; };
    s.intercept = at(0), s.model_weight = at(1), s.lexicon_weight = at(2);
  }
  return s;
}

} // namespace rebuy::core
