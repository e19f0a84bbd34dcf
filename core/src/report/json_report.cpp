#include "report/json_report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

namespace rebuy::core {
namespace {

using writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key(writer &w, const char *k) { w.Key(k); }
void string(writer &w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
void string_or_null(writer &w, std::string_view s) { s.empty() ? (void)w.Null() : string(w, s); }
void strings(writer &w, const std::vector<std::string> &list) {
  w.StartArray();
  for (const auto &s : list)
    string(w, s);
  w.EndArray();
}
void uint(writer &w, uint64_t v) { w.Uint64(v); }

// NaN (nothing to compute from) is null; everything else rounded to `digits` decimals.
void number(writer &w, double v, int digits) {
  if (!std::isfinite(v)) return void(w.Null());
  const double scale = std::pow(10.0, digits);
  w.Double(std::round(v * scale) / scale);
}
// NPS points (−100..100) to one hundredth.
void points(writer &w, double nps) { number(w, std::isfinite(nps) ? nps * 100 : nps, 2); }
void share(writer &w, double rate) { number(w, rate, 4); }

void write_nps_figures(writer &w, const figures &f) {
  const bool known = f.nps_counts.n() > 0;
  key(w, "score"), points(w, f.nps.score);
  key(w, "n"), uint(w, f.nps_counts.n());
  key(w, "ci_low"), points(w, known ? f.nps.ci.low : NAN);
  key(w, "ci_high"), points(w, known ? f.nps.ci.high : NAN);
  key(w, "small_sample"), w.Bool(f.small_nps);
}

void write_rate_figures(writer &w, const figures &f) {
  const bool known = f.rate_n > 0;
  key(w, "rate"), share(w, f.rate);
  key(w, "n"), uint(w, f.rate_n);
  key(w, "yes"), uint(w, f.rate_yes);
  key(w, "ci_low"), share(w, known ? f.rate_ci.low : NAN);
  key(w, "ci_high"), share(w, known ? f.rate_ci.high : NAN);
  key(w, "small_sample"), w.Bool(f.small_rate);
}

void write_recommend_figures(writer &w, const figures &f) {
  const bool known = f.recommend_n > 0;
  key(w, "share"), share(w, f.recommend_share);
  key(w, "n"), uint(w, f.recommend_n);
  key(w, "yes"), uint(w, f.recommend_yes);
  key(w, "ci_low"), share(w, known ? f.recommend_ci.low : NAN);
  key(w, "ci_high"), share(w, known ? f.recommend_ci.high : NAN);
}

// {"responses", "nps": {...}, "buy_again": {...}, "would_recommend": {...}}: the
// figures of any group.
void write_group(writer &w, const figures &f) {
  key(w, "responses"), uint(w, f.responses);
  key(w, "nps"), w.StartObject(), write_nps_figures(w, f), w.EndObject();
  key(w, "buy_again"), w.StartObject(), write_rate_figures(w, f), w.EndObject();
  key(w, "would_recommend"), w.StartObject(), write_recommend_figures(w, f), w.EndObject();
}

void write_test(writer &w, const stats::two_sample_test &t, bool nps) {
  w.StartObject();
  key(w, "difference"), nps ? points(w, t.difference) : share(w, t.difference);
  key(w, "z"), number(w, t.z, 3);
  key(w, "p_value"), number(w, t.p_value, 4);
  key(w, "significant"), w.Bool(t.p_value < 0.05);
  w.EndObject();
}

void write_headline(writer &w, const report_data &data) {
  const auto &h = data.headline;
  const auto &f = h.overall;
  key(w, "nps"), w.StartObject();
  write_nps_figures(w, f);
  key(w, "confidence"), w.Double(0.95);
  key(w, "interval"), w.String(nps_interval_title(data.options.nps_interval));
  key(w, "interval_method"), w.String(nps_interval_value(data.options.nps_interval));
  key(w, "promoters"), uint(w, f.nps_counts.promoters);
  key(w, "passives"), uint(w, f.nps_counts.passives - f.nps_unanswered);
  key(w, "detractors"), uint(w, f.nps_counts.detractors);
  key(w, "questions"), strings(w, data.quality.nps_questions);
  key(w, "denominator"), string(w, data.quality.denominator_policy);
  key(w, "denominator_policy"), w.String(nps_denominator_value(data.options.nps_denominator));
  key(w, "unanswered"), uint(w, data.quality.nps_unanswered);
  w.EndObject();

  key(w, "would_recommend"), w.StartObject();
  write_recommend_figures(w, f);
  key(w, "definition"), string(w, recommend_definition);
  key(w, "interval"), w.String("Wilson");
  key(w, "questions"), strings(w, data.quality.recommend_questions);
  w.EndObject();

  key(w, "buy_again"), w.StartObject();
  write_rate_figures(w, f);
  key(w, "basis"), string(w, rate_basis_name(h.basis));
  key(w, "definition"), string(w, rate_definition(h.basis));
  key(w, "interval"), w.String("Wilson");
  key(w, "expected_probability"), share(w, f.expected_probability);
  key(w, "expected_probability_n"), uint(w, f.probability_n);
  key(w, "expected_probability_basis"), w.StartArray();
  for (const auto &b : h.estimate_bases) {
    w.StartObject();
    key(w, "basis"), string(w, b.answer);
    key(w, "responses"), uint(w, b.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  key(w, "buy_again_answers"), w.StartArray();
  for (const auto &a : h.buy_again_answers) {
    w.StartObject();
    key(w, "answer"), string(w, a.answer);
    key(w, "count"), uint(w, a.count);
    w.EndObject();
  }
  w.EndArray();

  const auto &c = h.change;
  key(w, "change"), w.StartObject();
  key(w, "available"), w.Bool(c.available);
  for (auto [name, from, to, g] :
       {std::tuple{"current", &c.current_from, &c.current_to, &c.current},
        std::tuple{"previous", &c.previous_from, &c.previous_to, &c.previous}}) {
    key(w, name), w.StartObject();
    key(w, "from"), string_or_null(w, *from);
    key(w, "to"), string_or_null(w, *to);
    write_group(w, *g);
    w.EndObject();
  }
  key(w, "nps_difference"), write_test(w, c.nps_test, true);
  key(w, "rate_difference"), write_test(w, c.rate_test, false);
  w.EndObject();
}

void write_customers(writer &w, const std::vector<customer_row> &rows, bool won_back) {
  w.StartArray();
  for (const auto &c : rows) {
    w.StartObject();
    key(w, "customer"), string(w, c.customer);
    key(w, "value"), number(w, c.value, 2);
    key(w, "orders"), uint(w, c.orders);
    key(w, "latest_at"), string_or_null(w, c.latest_at);
    key(w, "said"), string(w, c.said);
    key(w, "said_label"), string(w, c.said_label);
    if (won_back) key(w, "reason"), string(w, c.reason);
    key(w, "quote"), string(w, c.quote);
    w.EndObject();
  }
  w.EndArray();
}

void write_imports(writer &w, const quality_data &q) {
  w.StartArray();
  for (size_t i = 0; i < q.runs.size(); ++i) {
    const auto &r = q.runs[i];
    w.StartObject();
    key(w, "id"), w.Int64(r.id);
    key(w, "file"), string(w, r.file);
    key(w, "sha256"), string(w, r.sha256);
    key(w, "encoding"), string(w, r.encoding);
    key(w, "importer"), string(w, r.importer + " " + r.importer_version);
    key(w, "source"), string(w, r.source);
    key(w, "started_at"), string(w, r.started_at);
    key(w, "finished_at"), string(w, r.finished_at);
    key(w, "status"), string(w, r.status);
    key(w, "rows_in"), uint(w, r.counts.rows_in());
    key(w, "stored"), uint(w, r.counts.stored());
    key(w, "new"), uint(w, r.counts.added);
    key(w, "updated"), uint(w, r.counts.updated);
    key(w, "unchanged"), uint(w, r.counts.unchanged);
    key(w, "merged"), uint(w, r.counts.merged);
    key(w, "rejected"), uint(w, r.counts.rejected);
    key(w, "skipped"), uint(w, r.counts.skipped);
    key(w, "values_rejected"), uint(w, r.counts.values_rejected);
    key(w, "invalid_bytes"), uint(w, r.invalid_bytes);
    key(w, "unmapped_columns"), strings(w, q.unmapped[i]);
    key(w, "mapping"), w.StartArray();
    for (const auto &c : q.mapped[i]) {
      w.StartObject();
      key(w, "column"), string(w, c.column);
      key(w, "role"), string(w, c.role);
      key(w, "scale"), string_or_null(w, c.scale);
      key(w, "why"), string_or_null(w, c.why);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

void write_rating_reading(writer &w, const std::optional<rating_calibration> &c) {
  key(w, "rating_calibration");
  if (!c) return void(w.Null());
  w.StartObject();
  key(w, "basis"), string_or_null(w, c->basis);
  key(w, "pairs"), uint(w, c->fitted() ? c->pairs : 0);
  key(w, "other_pairs"), uint(w, c->other_pairs);
  key(w, "shrinkage"), number(w, c->shrinkage, 2);
  key(w, "steps"), w.StartArray();
  for (const auto &s : c->steps) {
    w.StartObject();
    key(w, "rating"), string(w, s.rating);
    key(w, "pairs"), uint(w, s.pairs);
    key(w, "observed"), number(w, s.observed, 4);
    key(w, "default"), number(w, s.fallback, 4);
    key(w, "calibrated"), number(w, s.calibrated, 4);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void write_text_model(writer &w, const std::optional<text_model_summary> &m) {
  key(w, "text_model");
  if (!m) return void(w.Null());
  auto counts = [&w](const char *name, const char *item,
                     const std::vector<std::pair<std::string, uint64_t>> &list) {
    key(w, name), w.StartArray();
    for (const auto &[value, n] : list) {
      w.StartObject();
      key(w, item), string(w, value);
      key(w, "texts"), uint(w, n);
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartObject();
  key(w, "used"), w.Bool(m->used);
  key(w, "reason"), string_or_null(w, m->reason);
  key(w, "labelled"), uint(w, m->labelled);
  key(w, "learnt"), uint(w, m->learnt);
  key(w, "positives"), uint(w, m->positives);
  key(w, "unlabelled"), uint(w, m->unlabelled);
  counts("labels", "kind", m->labels);
  counts("sources", "source", m->sources);
  key(w, "auc"), w.StartObject();
  key(w, "model"), number(w, m->model_auc, 4);
  key(w, "lexicon"), number(w, m->lexicon_auc, 4);
  key(w, "blend"), number(w, m->blend_auc, 4);
  w.EndObject();
  key(w, "blend"), w.StartObject();
  key(w, "intercept"), number(w, m->intercept, 4);
  key(w, "model"), number(w, m->model_weight, 4);
  key(w, "lexicon"), number(w, m->lexicon_weight, 4);
  w.EndObject();
  w.EndObject();
}

void write_drivers(writer &w, const drivers_data &d) {
  key(w, "drivers"), w.StartArray();
  for (const auto &set : d.sets) {
    w.StartObject();
    key(w, "source"), string(w, set.source);
    key(w, "question"), string_or_null(w, set.question);
    key(w, "outcome"), string(w, set.outcome);
    key(w, "measure"), string(w, set.measure);
    key(w, "responses"), uint(w, set.responses);
    key(w, "sampled_from"), set.sampled_from ? uint(w, set.sampled_from) : (void)w.Null();
    key(w, "r_squared"), number(w, set.r_squared, 4);
    key(w, "items"), w.StartArray();
    for (const auto &item : set.items) {
      w.StartObject();
      key(w, "column"), string(w, item.column);
      key(w, "scale"), string(w, describe_item_scale(item.scale));
      key(w, "answered"), uint(w, item.answered);
      key(w, "mean"), number(w, item.mean, 2);
      key(w, "weight"), number(w, item.weight, 4);
      key(w, "ci_low"), number(w, item.low, 4);
      key(w, "ci_high"), number(w, item.high, 4);
      key(w, "share_of_explained"),
          number(w, set.r_squared > 0 ? item.weight / set.r_squared : NAN, 4);
      w.EndObject();
    }
    w.EndArray();
    key(w, "left_out"), strings(w, set.summaries);
    key(w, "too_few_answers"), strings(w, set.too_few);
    key(w, "beyond_limit"), strings(w, set.beyond_limit);
    w.EndObject();
  }
  w.EndArray();
}

} // namespace

std::string render_json_report(const report_data &data) {
  rapidjson::StringBuffer buffer;
  writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  key(w, "generated_at"), string(w, data.generated_at);
  const auto &filter = data.options.filter;
  key(w, "filter"), w.StartObject();
  key(w, "source"), string_or_null(w, filter.source);
  key(w, "since"), string_or_null(w, filter.since);
  key(w, "until"), string_or_null(w, filter.until);
  key(w, "where"), w.StartArray();
  for (const auto &[attribute, value] : filter.where) {
    w.StartObject();
    key(w, "attribute"), string(w, attribute);
    key(w, "value"), string(w, value);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  key(w, "responses"), uint(w, data.responses);
  key(w, "awaiting_analysis"), uint(w, data.awaiting_analysis);
  key(w, "set_aside_plugins"), w.StartArray();
  for (const auto &p : data.set_aside) {
    w.StartObject();
    key(w, "id"), string(w, p.id);
    key(w, "file"), string(w, p.file);
    key(w, "reason"), string(w, p.reason);
    w.EndObject();
  }
  w.EndArray();
  key(w, "period"), w.StartObject();
  key(w, "first"), string_or_null(w, data.headline.first_day);
  key(w, "last"), string_or_null(w, data.headline.last_day);
  key(w, "undated"), uint(w, data.headline.undated);
  w.EndObject();
  write_headline(w, data);
  write_rating_reading(w, data.rating_reading);
  write_text_model(w, data.text_model);

  key(w, "trend"), w.StartObject();
  key(w, "granularity"), string(w, data.trend.granularity);
  key(w, "points"), w.StartArray();
  for (const auto &p : data.trend.points) {
    w.StartObject();
    key(w, "period"), string(w, p.period);
    key(w, "from"), string(w, p.from);
    key(w, "to"), string(w, p.to);
    write_group(w, p.values);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  key(w, "segments"), w.StartArray();
  for (const auto &b : data.breakdowns) {
    w.StartObject();
    key(w, "dimension"), string(w, b.dimension);
    key(w, "sorted_by"), string(w, b.metric);
    key(w, "values"), uint(w, b.values);
    key(w, "not_given"), uint(w, b.not_given);
    key(w, "rows"), w.StartArray();
    for (const auto &r : b.rows) {
      w.StartObject();
      key(w, "value"), string(w, r.value);
      write_group(w, r.values);
      key(w, "gap"), b.metric == "nps" ? points(w, r.gap) : share(w, r.gap);
      key(w, "nps_vs_rest"), write_test(w, r.vs_rest.nps, true);
      key(w, "rate_vs_rest"), write_test(w, r.vs_rest.rate, false);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  // `sources` predates `segments`; kept with its meaning.
  key(w, "sources"), w.StartArray();
  for (const auto &b : data.breakdowns)
    if (b.dimension == "source")
      for (const auto &r : b.rows) {
        w.StartObject();
        key(w, "source"), string(w, r.value);
        key(w, "responses"), uint(w, r.values.responses);
        key(w, "nps"), w.StartObject(), write_nps_figures(w, r.values), w.EndObject();
        w.EndObject();
      }
  w.EndArray();

  const auto &t = data.themes;
  key(w, "themes"), w.StartArray();
  for (const auto &row : t.themes) {
    w.StartObject();
    key(w, "theme"), string(w, row.theme);
    write_group(w, row.values);
    key(w, "nps_impact"), points(w, row.nps_impact);
    key(w, "rate_impact"), share(w, row.rate_impact);
    key(w, "quote"), string(w, row.quote);
    w.EndObject();
  }
  w.EndArray();
  key(w, "themed_responses"), uint(w, t.themed_responses);
  key(w, "distinctive_words"), w.StartObject();
  key(w, "would_not_texts"), uint(w, t.would_not_texts);
  key(w, "would_texts"), uint(w, t.would_texts);
  key(w, "words"), w.StartArray();
  for (const auto &word : t.words) {
    w.StartObject();
    key(w, "word"), string(w, word.word);
    key(w, "would_not"), uint(w, word.would_not);
    key(w, "would"), uint(w, word.would);
    key(w, "log_odds"), number(w, word.log_odds, 3);
    key(w, "z"), number(w, word.z, 2);
    key(w, "quote"), string(w, word.quote);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  write_drivers(w, data.drivers);

  const auto &c = data.customers;
  key(w, "customers"), w.StartObject();
  key(w, "with_intent"), uint(w, c.customers);
  key(w, "value_basis"), string_or_null(w, c.value_basis);
  key(w, "at_risk"), uint(w, c.at_risk_total);
  key(w, "won_back"), uint(w, c.won_back_total);
  key(w, "value_of_all"), number(w, c.value_of_all, 2);
  key(w, "at_risk_value"), number(w, c.at_risk_value, 2);
  w.EndObject();
  key(w, "at_risk"), write_customers(w, c.at_risk, false);
  key(w, "won_back"), write_customers(w, c.won_back, true);

  key(w, "reported_referral");
  if (!data.referral) {
    w.Null();
  } else {
    w.StartObject();
    key(w, "question"), w.String(data.referral->question.c_str());
    key(w, "classes"), w.StartArray();
    for (const auto &row : data.referral->rows) {
      w.StartObject();
      key(w, "nps_class"), w.String(row.nps_class.c_str());
      key(w, "yes"), uint(w, row.yes);
      key(w, "no"), uint(w, row.no);
      key(w, "other"), uint(w, row.other);
      if (row.yes + row.no) {
        key(w, "share_yes"), share(w, row.share_yes);
        key(w, "ci_low"), share(w, row.ci.low);
        key(w, "ci_high"), share(w, row.ci.high);
      }
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }

  const auto &cal = data.calibration;
  key(w, "calibration"), w.StartObject();
  key(w, "horizon_days"), w.Int(cal.horizon_days);
  key(w, "n"), uint(w, cal.n);
  key(w, "brier"), number(w, cal.brier, 4);
  key(w, "observed"), share(w, cal.observed);
  key(w, "bins"), w.StartArray();
  for (const auto &b : cal.bins) {
    w.StartObject();
    key(w, "low"), number(w, b.low, 2);
    key(w, "high"), number(w, b.high, 2);
    key(w, "n"), uint(w, b.n);
    key(w, "mean_predicted"), share(w, b.mean_predicted);
    key(w, "observed"), share(w, b.observed);
    w.EndObject();
  }
  w.EndArray();
  key(w, "levels"), w.StartArray();
  for (const auto &l : cal.levels) {
    w.StartObject();
    key(w, "level"), string(w, l.level);
    key(w, "n"), uint(w, l.n);
    key(w, "label"), string(w, l.label);
    key(w, "ordered_again"), uint(w, l.ordered);
    key(w, "rate"), share(w, l.rate);
    key(w, "ci_low"), share(w, l.ci.low);
    key(w, "ci_high"), share(w, l.ci.high);
    key(w, "level_value"), number(w, l.level_value, 4);
    key(w, "shrunk_rate"), share(w, l.shrunk);
    w.EndObject();
  }
  w.EndArray();
  key(w, "shrinkage"), number(w, cal.shrinkage, 4);
  key(w, "levels_observed"), share(w, cal.levels_observed);
  key(w, "order_counts"), w.StartArray();
  for (const auto &g : cal.order_counts) {
    w.StartObject();
    key(w, "group"), w.String(g.repeat ? "repeat" : "first_order");
    key(w, "responses"), uint(w, g.responses);
    key(w, "outcome_known"), uint(w, g.known);
    key(w, "ordered_again"), uint(w, g.ordered);
    key(w, "rate"), share(w, g.rate);
    key(w, "ci_low"), share(w, g.known ? g.ci.low : NAN);
    key(w, "ci_high"), share(w, g.known ? g.ci.high : NAN);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();

  key(w, "imports"), write_imports(w, data.quality);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

} // namespace rebuy::core
