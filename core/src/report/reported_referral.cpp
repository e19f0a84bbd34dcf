#include "report/reported_referral.hpp"

#include "stats/proportion.hpp"
#include "store/score_store.hpp"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

namespace rebuy::core {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The first attribute column, over the imports of the filtered sources, whose
// name says someone recommended (past tense: "recommend" alone asks the intent).
std::optional<std::string> find_question(sql::connection &db, const report_filter &filter) {
  auto s = db.prepare("SELECT mapping FROM import_runs WHERE status = 'done' AND "
                      "(?1 = '' OR source = ?1) ORDER BY id");
  s.bind(1, filter.source);
  while (s.step()) {
    rapidjson::Document doc;
    auto json = s.column_text(0);
    doc.Parse(json.data(), json.size());
    if (!doc.IsArray()) continue;
    for (const auto &c : doc.GetArray()) {
      if (!c.IsObject() || !c.HasMember("column") || !c["column"].IsString() ||
          !c.HasMember("role") || c["role"] != "attribute")
        continue;
      std::string name = c["column"].GetString();
      if (lower(name).find("recommended") != std::string::npos) return name;
    }
  }
  return std::nullopt;
}

// "Yes.", "yes", "Sim", "No.", ...: the answer's first word decides.
int yes_no(std::string_view answer) {
  std::string a = lower(answer);
  a.erase(std::remove_if(a.begin(), a.end(), [](char c) { return c == '.' || c == '!'; }), a.end());
  while (!a.empty() && a.back() == ' ')
    a.pop_back();
  for (const char *yes : {"yes", "y", "sim", "si", "sí", "ja", "oui", "true"})
    if (a == yes) return 1;
  for (const char *no : {"no", "n", "não", "nao", "nein", "non", "false"})
    if (a == no) return 0;
  return -1;
}

} // namespace

std::optional<reported_referral> reported_referral_of(sql::connection &db,
                                                      const report_filter &filter) {
  auto question = find_question(db, filter);
  if (!question) return std::nullopt;
  reported_referral out;
  out.question = *question;
  for (const char *c : {"promoter", "passive", "detractor"})
    out.rows.push_back({c});
  auto s =
      db.prepare_scan(db.dialect() == sql::dialect::postgres
                          ? "SELECT r.id, j.value #>> '{}' FROM responses r "
                            "JOIN jsonb_each(CAST(r.attributes AS jsonb)) j ON j.key = ?2 "
                            "WHERE (?1 = '' OR r.source = ?1) AND jsonb_typeof(j.value) = 'string' "
                            "AND (?3 = '' OR substr(r.submitted_at, 1, 10) >= ?3) "
                            "AND (?4 = '' OR substr(r.submitted_at, 1, 10) <= ?4) ORDER BY r.id"
                          : "SELECT r.id, j.value FROM responses r "
                            "JOIN json_each(r.attributes) j ON j.key = ?2 "
                            "WHERE (?1 = '' OR r.source = ?1) AND j.type = 'text' "
                            "AND (?3 = '' OR substr(r.submitted_at, 1, 10) >= ?3) "
                            "AND (?4 = '' OR substr(r.submitted_at, 1, 10) <= ?4) ORDER BY r.id");
  s.bind(1, filter.source).bind(2, out.question).bind(3, filter.since).bind(4, filter.until);
  metric_cursor classes(db, "nps", "nps_class", false);
  bool any = false;
  while (s.step()) {
    const page_score *c = classes.at(s.column_int(0));
    if (!c) continue;
    auto row = std::find_if(out.rows.begin(), out.rows.end(),
                            [&](const auto &r) { return r.nps_class == c->label; });
    if (row == out.rows.end()) continue;
    switch (yes_no(s.column_text(1))) {
    case 1:
      ++row->yes;
      break;
    case 0:
      ++row->no;
      break;
    default:
      ++row->other;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  for (auto &row : out.rows) {
    const uint64_t answered = row.yes + row.no;
    row.share_yes = answered ? static_cast<double>(row.yes) / static_cast<double>(answered) : 0;
    if (answered) row.ci = stats::wilson(row.yes, answered);
  }
  return out;
}

} // namespace rebuy::core
