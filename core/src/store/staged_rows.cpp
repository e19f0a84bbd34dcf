#include "store/staged_rows.hpp"

#include <iterator>
#include <string_view>

namespace rebuy::core {
namespace {

using response = staged_response;

void text(sqlite3_context *ctx, std::string_view v) {
  sqlite3_result_text64(ctx, v.data() ? v.data() : "", v.size(), SQLITE_STATIC, SQLITE_UTF8);
}
void text_or_null(sqlite3_context *ctx, std::string_view v) {
  v.empty() ? sqlite3_result_null(ctx) : text(ctx, v);
}
void number(sqlite3_context *ctx, const std::optional<double> &v) {
  v ? sqlite3_result_double(ctx, *v) : sqlite3_result_null(ctx);
}
void number(sqlite3_context *ctx, const std::optional<int64_t> &v) {
  v ? sqlite3_result_int64(ctx, *v) : sqlite3_result_null(ctx);
}
template <rebuy_role role> void role_value(const response &r, sqlite3_context *ctx) {
  text_or_null(ctx, r.roles[role]);
}

// Columns whose value comes from no role are always there.
constexpr auto always = REBUY_ROLE_ATTRIBUTE;

struct staged_column {
  const char *name; // a column of the responses table
  void (*value)(const response &, sqlite3_context *);
  rebuy_role role = always; // NULL in every row that has no value for this role
};

template <rebuy_role role> constexpr staged_column role_column(const char *name) {
  return {name, role_value<role>, role};
}

const staged_column staged_columns[] = {
    {"key_hash",
     [](const response &r, sqlite3_context *c) { sqlite3_result_int64(c, r.key_hash); }},
    {"key", [](const response &r, sqlite3_context *c) { text(c, r.key); }},
    {"external_id", [](const response &r, sqlite3_context *c) { text_or_null(c, r.external_id); },
     REBUY_ROLE_ID},
    {"content_hash", [](const response &r, sqlite3_context *c) { text(c, r.content_hash); }},
    {"kind", [](const response &r, sqlite3_context *c) { text(c, record_kind_name(r.kind)); }},
    {"line",
     [](const response &r, sqlite3_context *c) {
       sqlite3_result_int64(c, static_cast<sqlite3_int64>(r.line));
     }},
    role_column<REBUY_ROLE_CUSTOMER>("customer"),
    {"submitted_at", [](const response &r, sqlite3_context *c) { text_or_null(c, r.submitted_at); },
     REBUY_ROLE_SUBMITTED_AT},
    role_column<REBUY_ROLE_SUBMITTED_AT>("submitted_raw"),
    {"nps", [](const response &r, sqlite3_context *c) { number(c, r.nps); }, REBUY_ROLE_NPS},
    role_column<REBUY_ROLE_BUY_AGAIN>("buy_again"),
    {"rating", [](const response &r, sqlite3_context *c) { number(c, r.rating); },
     REBUY_ROLE_RATING},
    {"rating_max", [](const response &r, sqlite3_context *c) { number(c, r.rating_max); },
     REBUY_ROLE_RATING_MAX},
    role_column<REBUY_ROLE_RECOMMEND>("recommend"),
    role_column<REBUY_ROLE_CSAT>("csat"),
    role_column<REBUY_ROLE_CES>("ces"),
    role_column<REBUY_ROLE_CES_VERSION>("ces_version"),
    role_column<REBUY_ROLE_TITLE>("title"),
    role_column<REBUY_ROLE_TEXT>("text"),
    role_column<REBUY_ROLE_PRODUCT>("product"),
    role_column<REBUY_ROLE_SEGMENT>("segment"),
    role_column<REBUY_ROLE_JOURNEY_STAGE>("journey_stage"),
    role_column<REBUY_ROLE_ORDER_ID>("order_id"),
    {"order_value", [](const response &r, sqlite3_context *c) { number(c, r.order_value); },
     REBUY_ROLE_ORDER_VALUE},
    {"order_count", [](const response &r, sqlite3_context *c) { number(c, r.order_count); },
     REBUY_ROLE_ORDER_COUNT},
    role_column<REBUY_ROLE_COUNTRY>("country"),
    role_column<REBUY_ROLE_LANGUAGE>("language"),
    role_column<REBUY_ROLE_CHANNEL>("channel"),
    {"attributes", [](const response &r, sqlite3_context *c) { text(c, r.attributes); }},
};

} // namespace

const std::string &staged_rows::columns() {
  static const std::string all = columns_for(~uint64_t{0});
  return all;
}

std::string staged_rows::columns_for(uint64_t roles) {
  std::string out;
  for (const auto &c : staged_columns) {
    if (c.role != always && !(roles >> c.role & 1)) continue;
    if (!out.empty()) out += ", ";
    out += c.name;
  }
  return out;
}

uint64_t staged_rows::roles_of(const staged_response &r) {
  uint64_t roles = 0;
  auto mark = [&](bool has, rebuy_role role) { roles |= uint64_t{has} << role; };
  for (size_t k = 0; k < r.roles.size(); ++k)
    mark(!r.roles[k].empty(), static_cast<rebuy_role>(k));
  // Values kept apart from their role's text.
  mark(!r.external_id.empty(), REBUY_ROLE_ID);
  mark(!r.submitted_at.empty(), REBUY_ROLE_SUBMITTED_AT);
  mark(r.nps.has_value(), REBUY_ROLE_NPS);
  mark(r.rating.has_value(), REBUY_ROLE_RATING);
  mark(r.rating_max.has_value(), REBUY_ROLE_RATING_MAX);
  mark(r.order_value.has_value(), REBUY_ROLE_ORDER_VALUE);
  mark(r.order_count.has_value(), REBUY_ROLE_ORDER_COUNT);
  return roles;
}

void staged_rows::column(size_t row, int column, sqlite3_context *ctx) const {
  if (column >= 0 && column < static_cast<int>(std::size(staged_columns)))
    staged_columns[column].value(*rows[row], ctx);
  else
    sqlite3_result_null(ctx);
}

const char *record_kind_name(rebuy_record_kind kind) {
  switch (kind) {
  case REBUY_RECORD_REVIEW:
    return "review";
  case REBUY_RECORD_POST_PURCHASE:
    return "post_purchase";
  case REBUY_RECORD_ORDER:
    return "order";
  default:
    return "survey";
  }
}

} // namespace rebuy::core
