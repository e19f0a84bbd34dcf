#include "report/report_data.hpp"

#include "util/timestamp.hpp"

#include <rapidjson/document.h>

#include <algorithm>

namespace rebuy::core {
namespace {

// `?1` is the source filter; an empty one matches everything.
constexpr const char *source_clause = "(?1 = '' OR r.source = ?1)";

void add_class(stats::nps_counts &counts, double value, uint64_t n) {
  if (value > 0.5)
    counts.promoters += n;
  else if (value < -0.5)
    counts.detractors += n;
  else
    counts.passives += n;
}

std::vector<std::string> nps_questions(sql::connection &db, const report_filter &filter) {
  auto s = db.prepare(std::string("SELECT DISTINCT i.mapping FROM import_runs i JOIN responses r "
                                  "ON r.run_id = i.id WHERE r.nps IS NOT NULL AND ") +
                      source_clause);
  s.bind(1, filter.source);
  std::vector<std::string> questions;
  while (s.step()) {
    rapidjson::Document doc;
    auto json = s.column_text(0);
    doc.Parse(json.data(), json.size());
    if (!doc.IsArray()) continue;
    for (const auto &c : doc.GetArray())
      if (c.IsObject() && c.HasMember("role") && c["role"] == "nps" && c.HasMember("column")) {
        std::string column = c["column"].GetString();
        if (std::find(questions.begin(), questions.end(), column) == questions.end())
          questions.push_back(column);
      }
  }
  return questions;
}

} // namespace

nps_summary nps_of(sql::connection &db, const report_filter &filter) {
  nps_summary out;
  auto s = db.prepare(std::string("SELECT s.value, count(*) FROM scores s JOIN responses r ON "
                                  "r.id = s.response_id WHERE s.analyzer = 'nps' AND "
                                  "s.metric = 'nps_class' AND s.value IS NOT NULL AND ") +
                      source_clause + " GROUP BY s.value");
  s.bind(1, filter.source);
  while (s.step())
    add_class(out.counts, s.column_double(0), static_cast<uint64_t>(s.column_int(1)));
  out.estimate = stats::nps_adjusted_wald(out.counts);
  out.questions = nps_questions(db, filter);
  return out;
}

report_data build_report(sql::connection &db, const report_filter &filter) {
  report_data out;
  out.generated_at = now_utc();
  {
    auto s = db.prepare(std::string("SELECT count(*), min(submitted_at), max(submitted_at) FROM "
                                    "responses r WHERE ") +
                        source_clause);
    s.bind(1, filter.source);
    s.step();
    out.responses = static_cast<uint64_t>(s.column_int(0));
    out.first_submitted = s.column_text(1);
    out.last_submitted = s.column_text(2);
  }
  out.nps = nps_of(db, filter);
  {
    auto s = db.prepare(std::string("SELECT r.buy_again, count(*) FROM responses r WHERE "
                                    "r.buy_again IS NOT NULL AND ") +
                        source_clause + " GROUP BY r.buy_again ORDER BY count(*) DESC, r.buy_again");
    s.bind(1, filter.source);
    while (s.step()) {
      out.buy_again_answers.push_back(
          {std::string(s.column_text(0)), static_cast<uint64_t>(s.column_int(1))});
      out.buy_again_answered += out.buy_again_answers.back().count;
    }
  }
  {
    auto s = db.prepare(std::string("SELECT r.source, count(*) FROM responses r WHERE ") +
                        source_clause + " GROUP BY r.source ORDER BY count(*) DESC, r.source");
    s.bind(1, filter.source);
    while (s.step()) {
      source_summary summary;
      summary.source = s.column_text(0);
      summary.responses = static_cast<uint64_t>(s.column_int(1));
      summary.nps = nps_of(db, {summary.source});
      out.sources.push_back(std::move(summary));
    }
  }
  for (auto &run : list_runs(db))
    if (filter.source.empty() || run.source == filter.source) out.runs.push_back(std::move(run));
  return out;
}

} // namespace rebuy::core
