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

struct staged_column {
  const char *name; // a column of the responses table
  void (*value)(const response &, sqlite3_context *);
};

const staged_column staged_columns[] = {
    {"key_hash",
     [](const response &r, sqlite3_context *c) { sqlite3_result_int64(c, r.key_hash); }},
    {"key", [](const response &r, sqlite3_context *c) { text(c, r.key); }},
    {"external_id", [](const response &r, sqlite3_context *c) { text_or_null(c, r.external_id); }},
    {"content_hash", [](const response &r, sqlite3_context *c) { text(c, r.content_hash); }},
    {"kind", [](const response &r, sqlite3_context *c) { text(c, record_kind_name(r.kind)); }},
    {"line",
     [](const response &r, sqlite3_context *c) {
       sqlite3_result_int64(c, static_cast<sqlite3_int64>(r.line));
     }},
    {"customer", role_value<REBUY_ROLE_CUSTOMER>},
    {"submitted_at",
     [](const response &r, sqlite3_context *c) { text_or_null(c, r.submitted_at); }},
    {"submitted_raw", role_value<REBUY_ROLE_SUBMITTED_AT>},
    {"nps", [](const response &r, sqlite3_context *c) { number(c, r.nps); }},
    {"buy_again", role_value<REBUY_ROLE_BUY_AGAIN>},
    {"rating", [](const response &r, sqlite3_context *c) { number(c, r.rating); }},
    {"rating_max", [](const response &r, sqlite3_context *c) { number(c, r.rating_max); }},
    {"recommend", role_value<REBUY_ROLE_RECOMMEND>},
    {"csat", role_value<REBUY_ROLE_CSAT>},
    {"ces", role_value<REBUY_ROLE_CES>},
    {"ces_version", role_value<REBUY_ROLE_CES_VERSION>},
    {"title", role_value<REBUY_ROLE_TITLE>},
    {"text", role_value<REBUY_ROLE_TEXT>},
    {"product", role_value<REBUY_ROLE_PRODUCT>},
    {"segment", role_value<REBUY_ROLE_SEGMENT>},
    {"journey_stage", role_value<REBUY_ROLE_JOURNEY_STAGE>},
    {"order_id", role_value<REBUY_ROLE_ORDER_ID>},
    {"order_value", [](const response &r, sqlite3_context *c) { number(c, r.order_value); }},
    {"order_count", [](const response &r, sqlite3_context *c) { number(c, r.order_count); }},
    {"country", role_value<REBUY_ROLE_COUNTRY>},
    {"language", role_value<REBUY_ROLE_LANGUAGE>},
    {"channel", role_value<REBUY_ROLE_CHANNEL>},
    {"attributes", [](const response &r, sqlite3_context *c) { text(c, r.attributes); }},
};

} // namespace

const std::string &staged_rows::columns() {
  static const std::string list = [] {
    std::string out;
    for (const auto &c : staged_columns)
      out += out.empty() ? c.name : std::string(", ") + c.name;
    return out;
  }();
  return list;
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
