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

// Responses with a text in id order, each with its verdict and the lexicon's reading: those with
// ids in (after, last].
class response_walk {
public:
  response_walk(sql::connection &db, int64_t after, int64_t last)
      : rows_(db.prepare_scan("SELECT r.id, r.source, r.rating, r.rating_max, r.key_hash FROM "
                              "responses r WHERE r.id > ?1 AND r.id <= ?2 AND coalesce(r.text, "
                              "r.title) IS NOT NULL ORDER BY r.id")),
        answer_(db, "buy_again", "buy_again_top2_box", false, after),
        recommend_(db, "nps", "would_recommend", false, after),
        nps_(db, "nps", "nps_class", false, after),
        lexicon_(db, "text_signals", "text_buy_again_probability", false, after) {
    rows_.bind(1, after).bind(2, last);
  }

  bool next() {
    if (!rows_.step()) return false;
    id_ = rows_.column_int(0);
    return true;
  }
  int64_t id() const { return id_; }
  int64_t key_hash() const { return rows_.column_int(4); }
  std::string_view source() const { return rows_.column_text(1); }
  double lexicon() {
    const page_score *s = lexicon_.at(id_);
    return s ? s->value : NAN;
  }
  verdict judge() {
    if (const page_score *a = answer_.at(id_); a && !std::isnan(a->value))
      return {a->value > 0.5 ? 1 : 0, "answers"};
    if (const page_score *r = recommend_.at(id_); r && !std::isnan(r->value))
      return {r->value > 0.5 ? 1 : 0, "recommendations"};
    if (!rows_.is_null(2))
      if (auto p = rating_position(rows_.column_double(2), rows_.column_optional_double(3)))
        return {*p >= 0.75 - 1e-9 ? 1 : 0, "ratings"};
    if (const page_score *c = nps_.at(id_); c && !std::isnan(c->value) && c->value != 0)
      return {c->value > 0 ? 1 : 0, "NPS classes"};
    return {};
  }

private:
  sql::statement rows_;
  metric_cursor answer_, recommend_, nps_, lexicon_;
  int64_t id_ = 0;
};

struct text_ref {
  response_ref ref;
  int label;
  double lexicon;
};

// A closure, not a function: the heap's and the sort's comparisons are inlined.
constexpr auto learnt_before = [](const text_ref &a, const text_ref &b) {
  return chosen_before(a.ref, b.ref);
};

// What a walk over a range of responses found.
struct walked_texts {
  uint64_t labelled = 0, positives = 0; // texts with a verdict; of them, would buy again
  // The labelled texts that come first in chosen_before order, at most max_model_texts of them,
  // as a heap whose top comes last. A key's hash is as good as random: of more texts, they are an
  // even sample, the same whichever order the responses arrived in, found in one pass and in flat
  // memory however many texts the store holds.
  std::vector<text_ref> first;
  std::vector<unlabelled_text> unlabelled;
  std::map<std::string, uint64_t, std::less<>> sources, kinds; // labelled texts of each

  void offer(const text_ref &t) {
    if (first.size() < max_model_texts) {
      first.push_back(t);
      std::push_heap(first.begin(), first.end(), learnt_before);
    } else if (learnt_before(t, first.front())) {
      std::pop_heap(first.begin(), first.end(), learnt_before);
      first.back() = t;
      std::push_heap(first.begin(), first.end(), learnt_before);
    }
  }
};

// Walks the responses with ids in (after, last]. The unlabelled texts get room for `room` of them.
walked_texts walk_texts(sql::connection &db, int64_t after, int64_t last, int64_t room) {
  walked_texts out;
  // Room for every response, so that the vector never grows by a copy: at 10M texts a copy
  // doubled its memory for a moment. Reserved pages cost no memory until written.
  out.unlabelled.reserve(static_cast<size_t>(std::clamp<int64_t>(room, 0, int64_t{1} << 27)));
  response_walk walk(db, after, last);
  while (walk.next()) {
    const verdict v = walk.judge();
    if (v.label < 0) {
      out.unlabelled.push_back({walk.id(), walk.lexicon()});
      continue;
    }
    ++out.labelled;
    out.positives += static_cast<uint64_t>(v.label);
    out.offer({{walk.id(), walk.key_hash()}, v.label, walk.lexicon()});
    auto source = out.sources.find(walk.source());
    if (source == out.sources.end()) source = out.sources.emplace(walk.source(), 0).first;
    ++source->second, ++out.kinds[v.kind];
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

learnt_text_model learn_text_model(sql::connection &db) {
  learnt_text_model out;
  text_model_summary &summary = out.summary;
  // One walk over the responses with a text finds the verdicts; texts are read afterwards, only
  // for the responses learnt from and those scored. Where a second connection reads beside, it
  // walks the upper half of the ids meanwhile.
  const response_id_halves ids = halve_response_ids(db);
  auto upper_walk = work_beside(db, [&](sql::connection &c) {
    return walk_texts(c, ids.middle, ids.last, ids.last - ids.middle);
  });
  // The lower half's unlabelled texts get room for the upper half's too: they join them.
  walked_texts lower = walk_texts(db, ids.first - 1, ids.middle, ids.last - ids.first + 1);
  walked_texts upper = upper_walk.get();
  out.unlabelled = std::move(lower.unlabelled);
  out.unlabelled.insert(out.unlabelled.end(), upper.unlabelled.begin(), upper.unlabelled.end());
  for (const auto &[name, n] : upper.sources)
    lower.sources[name] += n;
  for (const auto &[name, n] : upper.kinds)
    lower.kinds[name] += n;
  const uint64_t positives_all = lower.positives + upper.positives;
  summary.labelled = lower.labelled + upper.labelled;
  summary.unlabelled = out.unlabelled.size();
  summary.sources.assign(lower.sources.begin(), lower.sources.end());
  summary.labels.assign(lower.kinds.begin(), lower.kinds.end());
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
  std::vector<text_ref> learnt = std::move(lower.first);
  learnt.insert(learnt.end(), upper.first.begin(), upper.first.end());
  std::sort(learnt.begin(), learnt.end(), learnt_before);
  learnt.resize(std::min<size_t>(learnt.size(), max_model_texts));
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
