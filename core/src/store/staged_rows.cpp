#include "store/staged_rows.hpp"

#include <iterator>
#include <string_view>

namespace rebuy::core {
namespace {

using response = staged_response;

// SQLite reads a value where it lies (the row feed).
class sqlite_cell final : public staged_value_sink {
public:
  explicit sqlite_cell(sqlite3_context *ctx) : ctx_(ctx) {}
  void text(std::string_view v) override {
    sqlite3_result_text64(ctx_, v.data() ? v.data() : "", v.size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  void integer(int64_t v) override { sqlite3_result_int64(ctx_, v); }
  void real(double v) override { sqlite3_result_double(ctx_, v); }
  void null() override { sqlite3_result_null(ctx_); }

private:
  sqlite3_context *ctx_;
};

using sink = staged_value_sink;
void text(sink &c, std::string_view v) { c.text(v); }
void text_or_null(sink &c, std::string_view v) { v.empty() ? c.null() : c.text(v); }
void value_of(sink &c, const std::string &v) { text_or_null(c, v); }
void value_of(sink &c, const std::optional<double> &v) { v ? c.real(*v) : c.null(); }
void value_of(sink &c, const std::optional<int64_t> &v) { v ? c.integer(*v) : c.null(); }
bool has_value(const std::string &v) { return !v.empty(); }
template <class T> bool has_value(const std::optional<T> &v) { return v.has_value(); }

// Columns whose value comes from no role are always there.
constexpr auto always = REBUY_ROLE_ATTRIBUTE;

struct staged_column {
  const char *name; // a column of the responses table
  void (*value)(const response &, sink &);
  rebuy_role role = always; // NULL in every row that has no value for this role
  // Set when the value is kept apart from the role's text (parsed, normalised):
  // whether a row has one.
  bool (*present)(const response &) = nullptr;
};

// The role's first value, as the file gave it.
template <rebuy_role role> constexpr staged_column role_column(const char *name) {
  return {name, [](const response &r, sink &c) { text_or_null(c, r.roles[role]); }, role};
}

// A value of the role kept in its own member.
template <auto member> constexpr staged_column member_column(const char *name, rebuy_role role) {
  return {name, [](const response &r, sink &c) { value_of(c, r.*member); }, role,
          [](const response &r) { return has_value(r.*member); }};
}

const staged_column staged_columns[] = {
    {"key_hash", [](const response &r, sink &c) { c.integer(r.key_hash); }},
    {"key", [](const response &r, sink &c) { text(c, r.key); }},
    member_column<&response::external_id>("external_id", REBUY_ROLE_ID),
    {"content_hash", [](const response &r, sink &c) { text(c, r.content_hash); }},
    {"kind", [](const response &r, sink &c) { text(c, record_kind_name(r.kind)); }},
    {"line", [](const response &r, sink &c) { c.integer(static_cast<int64_t>(r.line)); }},
    role_column<REBUY_ROLE_CUSTOMER>("customer"),
    member_column<&response::submitted_at>("submitted_at", REBUY_ROLE_SUBMITTED_AT),
    role_column<REBUY_ROLE_SUBMITTED_AT>("submitted_raw"),
    member_column<&response::nps>("nps", REBUY_ROLE_NPS),
    role_column<REBUY_ROLE_BUY_AGAIN>("buy_again"),
    member_column<&response::rating>("rating", REBUY_ROLE_RATING),
    member_column<&response::rating_max>("rating_max", REBUY_ROLE_RATING_MAX),
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
    member_column<&response::order_value>("order_value", REBUY_ROLE_ORDER_VALUE),
    member_column<&response::order_count>("order_count", REBUY_ROLE_ORDER_COUNT),
    role_column<REBUY_ROLE_COUNTRY>("country"),
    role_column<REBUY_ROLE_LANGUAGE>("language"),
    role_column<REBUY_ROLE_CHANNEL>("channel"),
    {"attributes", [](const response &r, sink &c) { text(c, r.attributes); }},
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
  for (size_t k = 0; k < r.roles.size(); ++k)
    roles |= uint64_t{!r.roles[k].empty()} << k;
  for (const auto &c : staged_columns)
    if (c.present && c.present(r)) roles |= uint64_t{1} << c.role;
  return roles;
}

void staged_rows::column(size_t row, int column, sqlite3_context *ctx) const {
  sqlite_cell cell(ctx);
  write(*rows[row], column, cell);
}

int staged_rows::column_count() { return static_cast<int>(std::size(staged_columns)); }

void staged_rows::write(const staged_response &r, int column, staged_value_sink &out) {
  if (column >= 0 && column < column_count())
    staged_columns[column].value(r, out);
  else
    out.null();
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
