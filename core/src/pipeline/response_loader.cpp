#include "pipeline/response_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
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

rebuy_record_kind kind_from_name(std::string_view name) {
  if (name == "review") return REBUY_RECORD_REVIEW;
  if (name == "post_purchase") return REBUY_RECORD_POST_PURCHASE;
  if (name == "order") return REBUY_RECORD_ORDER;
  return REBUY_RECORD_SURVEY;
}

std::string page_sql() {
  std::string columns = "r.id, r.kind, r.run_id";
  for (const auto &c : role_columns)
    columns += fmt::format(", {}", c.sql);
  columns += ", r.attributes";
  return fmt::format(
      "SELECT {} FROM responses r WHERE r.id > ?1 AND r.id <= ?3 ORDER BY r.id LIMIT ?2", columns);
}

} // namespace

response_loader::response_loader(sql::connection &db, std::vector<int64_t> through,
                                 bool with_attributes)
    : db_(db), through_(std::move(through)), with_attributes_(with_attributes),
      page_(db.prepare(page_sql())),
      mapping_(db.prepare("SELECT mapping FROM import_runs WHERE id = ?1")) {}

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
  out.clear();
  page_.bind(1, last_id_).bind(2, static_cast<int64_t>(max)).bind(3, bound_);
  while (page_.step()) {
    auto &r = out.responses.emplace_back();
    r.id = page_.column_int(0);
    r.kind = kind_from_name(page_.column_text(1));
    r.first_field = out.fields.size();
    const auto &names = column_names(page_.column_int(2));
    for (int c = 0; c < role_column_count; ++c) {
      int column = first_role_column + c;
      if (page_.is_null(column)) continue;
      rebuy_role role = role_columns[c].role;
      const auto &name = names[static_cast<size_t>(role)];
      auto name_span = out.keep(name.empty() ? std::string_view(role_name(role)) : name);
      out.fields.push_back({role, name_span, out.keep(page_.column_text(column))});
    }
    if (with_attributes_) {
      rapidjson::Document doc;
      auto json = page_.column_text(attributes_column);
      doc.Parse(json.data(), json.size());
      if (doc.IsObject())
        for (const auto &m : doc.GetObject())
          if (m.value.IsString())
            out.fields.push_back({REBUY_ROLE_ATTRIBUTE,
                                  out.keep({m.name.GetString(), m.name.GetStringLength()}),
                                  out.keep({m.value.GetString(), m.value.GetStringLength()})});
    }
    r.field_count = out.fields.size() - r.first_field;
    for (size_t k = 0; k < through_.size(); ++k)
      if (r.id > through_[k]) r.pending |= 1ull << k;
    last_id_ = r.id;
  }
  page_.reset();
  return !out.responses.empty();
}

} // namespace rebuy::core
