#include "pipeline/response_loader.hpp"

#include "store/staged_rows.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rebuy/plugin.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <optional>

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

void add_field(rebuy_role role, const role_names &names, std::string_view value,
               loaded_batch &out) {
  const auto &name = names[static_cast<size_t>(role)];
  auto name_span = out.keep(name.empty() ? std::string_view(role_name(role)) : name);
  out.fields.push_back({role, name_span, out.keep(value)});
}

void add_attributes(std::string_view json, loaded_batch &out) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.IsObject())
    for (const auto &m : doc.GetObject())
      if (m.value.IsString())
        out.fields.push_back({REBUY_ROLE_ATTRIBUTE,
                              out.keep({m.name.GetString(), m.name.GetStringLength()}),
                              out.keep({m.value.GetString(), m.value.GetStringLength()})});
}

// What the store's column for `role` (role_columns) holds for a staged response, as text; nullopt
// for NULL. Written as staged_rows writes it, read as SQLite reads a number as text.
std::optional<std::string_view> stored_text(const staged_response &r, rebuy_role role,
                                            std::array<char, 64> &number) {
  auto text = [](const std::string &v) -> std::optional<std::string_view> {
    if (v.empty()) return std::nullopt;
    return std::string_view(v);
  };
  auto integer = [&](const std::optional<int64_t> &v) -> std::optional<std::string_view> {
    if (!v) return std::nullopt;
    auto end = fmt::format_to_n(number.data(), number.size(), "{}", *v).out;
    return std::string_view(number.data(), static_cast<size_t>(end - number.data()));
  };
  auto real = [&](const std::optional<double> &v) -> std::optional<std::string_view> {
    if (!v) return std::nullopt;
    sqlite3_snprintf(static_cast<int>(number.size()), number.data(), "%!.15g", *v);
    return std::string_view(number.data());
  };
  switch (role) {
  case REBUY_ROLE_ID:
    return text(r.external_id);
  case REBUY_ROLE_SUBMITTED_AT: // coalesce(submitted_at, submitted_raw)
    return r.submitted_at.empty() ? text(r.roles[role]) : text(r.submitted_at);
  case REBUY_ROLE_NPS:
    return integer(r.nps);
  case REBUY_ROLE_RATING:
    return real(r.rating);
  case REBUY_ROLE_RATING_MAX:
    return real(r.rating_max);
  case REBUY_ROLE_ORDER_VALUE:
    return real(r.order_value);
  case REBUY_ROLE_ORDER_COUNT:
    return integer(r.order_count);
  default:
    return text(r.roles[static_cast<size_t>(role)]);
  }
}

} // namespace

role_names role_names_of(const std::vector<column_mapping> &columns) {
  role_names names;
  for (const auto &c : columns)
    if (names[static_cast<size_t>(c.role)].empty()) names[static_cast<size_t>(c.role)] = c.name;
  return names;
}

void load_staged(const staged_response &r, int64_t id, const role_names &names,
                 bool with_attributes, uint64_t pending, loaded_batch &out) {
  auto &loaded = out.responses.emplace_back();
  loaded.id = id;
  loaded.kind = kind_from_name(record_kind_name(r.kind)); // as stored
  loaded.first_field = out.fields.size();
  std::array<char, 64> number;
  for (const auto &c : role_columns)
    if (const auto value = stored_text(r, c.role, number)) add_field(c.role, names, *value, out);
  if (with_attributes) add_attributes(r.attributes, out);
  loaded.field_count = out.fields.size() - loaded.first_field;
  loaded.pending = pending;
}

response_loader::response_loader(sql::connection &db, std::vector<int64_t> through,
                                 bool with_attributes)
    : db_(db), through_(std::move(through)), with_attributes_(with_attributes),
      page_(db.prepare(page_sql())),
      mapping_(db.prepare("SELECT mapping FROM import_runs WHERE id = ?1")) {}

const role_names &response_loader::column_names(int64_t run_id) {
  auto it = names_by_run_.find(run_id);
  if (it != names_by_run_.end()) return it->second;
  role_names names;
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
      if (!page_.is_null(column))
        add_field(role_columns[c].role, names, page_.column_text(column), out);
    }
    if (with_attributes_) add_attributes(page_.column_text(attributes_column), out);
    r.field_count = out.fields.size() - r.first_field;
    for (size_t k = 0; k < through_.size(); ++k)
      if (r.id > through_[k]) r.pending |= 1ull << k;
    last_id_ = r.id;
  }
  page_.reset();
  return !out.responses.empty();
}

} // namespace rebuy::core
