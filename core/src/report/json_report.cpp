#include "report/json_report.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>

namespace rebuy::core {
namespace {

using writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void key(writer &w, const char *k) { w.Key(k); }
void string(writer &w, const std::string &s) {
  w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
}
void uint(writer &w, uint64_t v) { w.Uint64(v); }

// NPS points (−100..100) to one hundredth; null when there is no score.
void points(writer &w, double nps) {
  if (!std::isfinite(nps)) return void(w.Null());
  w.Double(std::round(nps * 10000.0) / 100.0);
}

void write_nps(writer &w, const nps_summary &nps, const std::string &policy) {
  w.StartObject();
  key(w, "score"), points(w, nps.estimate.score);
  key(w, "n"), uint(w, nps.counts.n());
  bool known = nps.counts.n() > 0;
  key(w, "ci_low"), points(w, known ? nps.estimate.ci.low : NAN);
  key(w, "ci_high"), points(w, known ? nps.estimate.ci.high : NAN);
  key(w, "confidence"), w.Double(0.95);
  key(w, "interval"), w.String("adjusted Wald");
  key(w, "promoters"), uint(w, nps.counts.promoters);
  key(w, "passives"), uint(w, nps.counts.passives);
  key(w, "detractors"), uint(w, nps.counts.detractors);
  key(w, "questions"), w.StartArray();
  for (const auto &q : nps.questions)
    string(w, q);
  w.EndArray();
  key(w, "denominator"), string(w, policy);
  w.EndObject();
}

} // namespace

std::string render_json_report(const report_data &data) {
  rapidjson::StringBuffer buffer;
  writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  key(w, "generated_at"), string(w, data.generated_at);
  key(w, "responses"), uint(w, data.responses);
  key(w, "period"), w.StartObject();
  key(w, "first"), data.first_submitted.empty() ? (void)w.Null() : string(w, data.first_submitted);
  key(w, "last"), data.last_submitted.empty() ? (void)w.Null() : string(w, data.last_submitted);
  w.EndObject();
  key(w, "nps"), write_nps(w, data.nps, data.denominator_policy);
  key(w, "buy_again_answers"), w.StartArray();
  for (const auto &a : data.buy_again_answers) {
    w.StartObject();
    key(w, "answer"), string(w, a.answer);
    key(w, "count"), uint(w, a.count);
    w.EndObject();
  }
  w.EndArray();
  key(w, "sources"), w.StartArray();
  for (const auto &s : data.sources) {
    w.StartObject();
    key(w, "source"), string(w, s.source);
    key(w, "responses"), uint(w, s.responses);
    key(w, "nps"), write_nps(w, s.nps, data.denominator_policy);
    w.EndObject();
  }
  w.EndArray();
  key(w, "imports"), w.StartArray();
  for (const auto &r : data.runs) {
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
    key(w, "rejected"), uint(w, r.counts.rejected);
    key(w, "skipped"), uint(w, r.counts.skipped);
    key(w, "values_rejected"), uint(w, r.counts.values_rejected);
    key(w, "invalid_bytes"), uint(w, r.invalid_bytes);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

} // namespace rebuy::core
