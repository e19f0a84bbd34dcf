#include "pipeline/response_loader.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rebuy/plugin.hpp>

namespace rebuy::core {
namespace {

// Store columns handed to analyzers as role fields, in SELECT order.
struct role_column {
  rebuy_role role;
  const char *sql;
};
const role_column role_columns[] = {
    {REBUY_ROLE_ID, "r.external_id"},
    {REBUY_ROLE_CUSTOMER, "r.customer"},
    {REBUY_ROLE_SUBMITTED_AT, "coalesce(r.submitted_at, r.submitted_raw)"},
    {REBUY_ROLE_NPS, "r.nps"},
    {REBUY_ROLE_BUY_AGAIN, "r.buy_again"},
    {REBUY_ROLE_RATING, "r.rating"},
    {REBUY_ROLE_RATING_MAX, "r.rating_max"},
    {REBUY_ROLE_RECOMMEND, "r.recommend"},
    {REBUY_ROLE_CSAT, "r.csat"},
    {REBUY_ROLE_CES, "r.ces"},
    {REBUY_ROLE_CES_VERSION, "r.ces_version"},
    {REBUY_ROLE_TITLE, "r.title"},
    {REBUY_ROLE_TEXT, "r.text"},
    {REBUY_ROLE_PRODUCT, "r.product"},
    {REBUY_ROLE_SEGMENT, "r.segment"},
    {REBUY_ROLE_JOURNEY_STAGE, "r.journey_stage"},
    {REBUY_ROLE_ORDER_ID, "r.order_id"},
    {REBUY_ROLE_ORDER_VALUE, "r.order_value"},
    {REBUY_ROLE_ORDER_COUNT, "r.order_count"},
    {REBUY_ROLE_COUNTRY, "r.country"},
    {REBUY_ROLE_LANGUAGE, "r.language"},
    {REBUY_ROLE_CHANNEL, "r.channel"},
};
constexpr int first_role_column = 3; // after id, kind, run_id
constexpr int role_column_count = static_cast<int>(std::size(role_columns));
constexpr int attributes_column = first_role_column + role_column_count;
constexpr int first_done_column = attributes_column + 1;

rebuy_record_kind kind_from_name(std::string_view name) {
  if (name == "review") return REBUY_RECORD_REVIEW;
  if (name == "post_purchase") return REBUY_RECORD_POST_PURCHASE;
  if (name == "order") return REBUY_RECORD_ORDER;
  return REBUY_RECORD_SURVEY;
}

// ?2k+2 and ?2k+3 bind analyzer k's id and version.
std::string done_expression(size_t k) {
  return fmt::format("EXISTS (SELECT 1 FROM analyses a WHERE a.analyzer = ?{} AND "
                     "a.response_id = r.id AND a.analyzer_version = ?{})",
                     2 * k + 2, 2 * k + 3);
}

std::string page_sql(size_t analyzer_count, std::string &pending_condition) {
  std::string columns = "r.id, r.kind, r.run_id";
  for (const auto &c : role_columns)
    columns += fmt::format(", {}", c.sql);
  columns += ", r.attributes";
  pending_condition.clear();
  for (size_t k = 0; k < analyzer_count; ++k) {
    columns += ", " + done_expression(k);
    pending_condition += fmt::format("{}NOT {}", k ? " OR " : "", done_expression(k));
  }
  if (pending_condition.empty()) pending_condition = "0";
  return fmt::format("SELECT {} FROM responses r WHERE r.id > ?1 AND ({}) ORDER BY r.id LIMIT ?{}",
                     columns, pending_condition, 2 * analyzer_count + 2);
}

} // namespace

response_loader::response_loader(sql::connection &db,
                                 const std::vector<analyzer_identity> &analyzers,
                                 bool with_attributes)
    : db_(db), analyzers_(analyzers), with_attributes_(with_attributes),
      page_(db.prepare(page_sql(analyzers.size(), pending_condition_))),
      mapping_(db.prepare("SELECT mapping FROM import_runs WHERE id = ?1")) {}

uint64_t response_loader::count_pending() {
  auto s = db_.prepare(
      fmt::format("SELECT count(*) FROM responses r WHERE r.id > ?1 AND ({})", pending_condition_));
  s.bind(1, int64_t{0});
  for (size_t k = 0; k < analyzers_.size(); ++k)
    s.bind(static_cast<int>(2 * k + 2), analyzers_[k].id)
        .bind(static_cast<int>(2 * k + 3), analyzers_[k].version);
  s.step();
  return static_cast<uint64_t>(s.column_int(0));
}

const std::array<std::string, REBUY_ROLE_COUNT_V1_0> &
response_loader::column_names(int64_t run_id) {
  auto it = names_by_run_.find(run_id);
  if (it != names_by_run_.end()) return it->second;
  std::array<std::string, REBUY_ROLE_COUNT_V1_0> names;
  mapping_.bind(1, run_id);
  if (mapping_.step()) {
    rapidjson::Document doc;
    auto json = mapping_.column_text(0);
    doc.Parse(json.data(), json.size());
    if (doc.IsArray())
      for (const auto &c : doc.GetArray()) {
        if (!c.IsObject() || !c.HasMember("role") || !c.HasMember("column")) continue;
        auto role = role_from_name(c["role"].GetString());
        if (role && names[static_cast<size_t>(*role)].empty())
          names[static_cast<size_t>(*role)] = c["column"].GetString();
      }
  }
  mapping_.reset();
  return names_by_run_.emplace(run_id, std::move(names)).first->second;
}

bool response_loader::next(size_t max, loaded_batch &out) {
  out.responses.clear();
  out.scores.clear();
  out.analyzed.clear();
  page_.bind(1, last_id_);
  for (size_t k = 0; k < analyzers_.size(); ++k)
    page_.bind(static_cast<int>(2 * k + 2), analyzers_[k].id)
        .bind(static_cast<int>(2 * k + 3), analyzers_[k].version);
  page_.bind(static_cast<int>(2 * analyzers_.size() + 2), static_cast<int64_t>(max));
  while (page_.step()) {
    auto &r = out.responses.emplace_back();
    r.id = page_.column_int(0);
    r.kind = kind_from_name(page_.column_text(1));
    const auto &names = column_names(page_.column_int(2));
    for (int c = 0; c < role_column_count; ++c) {
      int column = first_role_column + c;
      if (page_.is_null(column)) continue;
      rebuy_role role = role_columns[c].role;
      const auto &name = names[static_cast<size_t>(role)];
      r.fields.push_back(
          {role, name.empty() ? role_name(role) : name, std::string(page_.column_text(column))});
    }
    if (with_attributes_) {
      rapidjson::Document doc;
      auto json = page_.column_text(attributes_column);
      doc.Parse(json.data(), json.size());
      if (doc.IsObject())
        for (const auto &m : doc.GetObject())
          if (m.value.IsString())
            r.fields.push_back({REBUY_ROLE_ATTRIBUTE,
                                std::string(m.name.GetString(), m.name.GetStringLength()),
                                std::string(m.value.GetString(), m.value.GetStringLength())});
    }
    for (size_t k = 0; k < analyzers_.size(); ++k)
      if (page_.column_int(first_done_column + static_cast<int>(k)) == 0) r.pending |= 1ull << k;
    last_id_ = r.id;
  }
  page_.reset();
  return !out.responses.empty();
}

} // namespace rebuy::core
