#include "delighted_importer.hpp"

#include <rebuy/role_guess.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>

namespace rebuy_delighted {

namespace {

// Delighted's response fields (the API's names); the rest are person properties.
constexpr rebuy::named_role fields[] = {
    {"id", REBUY_ROLE_ID},
    {"person", REBUY_ROLE_ATTRIBUTE}, // Delighted's own id of the person, not the shop's
    {"email", REBUY_ROLE_CUSTOMER},
    {"name", REBUY_ROLE_ATTRIBUTE},
    {"survey_type", REBUY_ROLE_ATTRIBUTE},
    {"score", REBUY_ROLE_ATTRIBUTE}, // decided by survey_type
    {"comment", REBUY_ROLE_TEXT},
    {"permalink", REBUY_ROLE_ATTRIBUTE},
    {"created_at", REBUY_ROLE_SUBMITTED_AT},
    {"updated_at", REBUY_ROLE_ATTRIBUTE},
    {"tags", REBUY_ROLE_ATTRIBUTE},
    {"notes", REBUY_ROLE_ATTRIBUTE},
    {"additional_answers", REBUY_ROLE_ATTRIBUTE},
};

std::optional<size_t> column_named(const std::vector<std::string> &names, std::string_view name) {
  for (size_t c = 0; c < names.size(); ++c)
    if (rebuy::ascii_iequals(names[c], name)) return c;
  return std::nullopt;
}

std::string survey_type_of(std::string_view value) {
  return rebuy::ascii_lower(rebuy::trim_ascii(value));
}

} // namespace

delighted_importer::score_meaning delighted_importer::meaning_of(std::string_view survey_type) {
  if (survey_type == "nps") return {REBUY_ROLE_NPS, REBUY_ROLE_ATTRIBUTE, {}};
  if (survey_type == "csat" || survey_type == "smileys")
    return {REBUY_ROLE_CSAT, REBUY_ROLE_ATTRIBUTE, {}};
  // Delighted asks CES as agreement with "made it easy", 1-7: CES 2.0.
  if (survey_type == "ces") return {REBUY_ROLE_CES, REBUY_ROLE_CES_VERSION, "2"};
  if (survey_type == "5star") return {REBUY_ROLE_RATING, REBUY_ROLE_RATING_MAX, "5"};
  // enps (employees, not customers), pmf, thumbs: kept, not scored.
  return {};
}

delighted_importer::delighted_importer(const rebuy::host &host, const rebuy::input &input,
                                       const rebuy::options &options, rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, "delighted") {
  table_.warn_unknown_options(options, {});
  std::vector<std::string> names = table_.read_names("header");
  score_ = column_named(names, "score");
  survey_type_ = column_named(names, "survey_type");
  if (!score_) throw rebuy::error("the header has no \"score\" column: not a Delighted export");
  table_.read_sample(names.size());

  // The file's survey type: the one most sampled rows have.
  std::map<std::string, size_t> types;
  if (survey_type_)
    for (std::string_view v : table_.sample_values(*survey_type_))
      ++types[survey_type_of(v)];
  auto common = std::max_element(types.begin(), types.end(),
                                 [](const auto &a, const auto &b) { return a.second < b.second; });
  score_meaning file = common == types.end() ? score_meaning{} : meaning_of(common->first);
  if (!survey_type_)
    host.warn("no survey_type column: the score is kept as an attribute; --map nps=score if it "
              "answers the NPS question");

  // A person property naming the shop's own customer id beats the e-mail.
  bool customer_property = std::any_of(names.begin(), names.end(), [](const std::string &n) {
    std::string key = rebuy::normalize_header(n);
    return key == "customer id" || key == "customer";
  });
  std::vector<rebuy::table_column> columns = rebuy::columns_named(std::move(names), fields);
  for (rebuy::table_column &column : columns)
    if (column.known == REBUY_ROLE_CUSTOMER && customer_property)
      column.known = REBUY_ROLE_ATTRIBUTE;
  columns[*score_].known = file.role;
  table_.guess(std::move(columns), options);
  // Unless the user mapped the score, each row's survey_type decides.
  per_row_ = survey_type_ && table_.roles()[*score_] == file.role;
}

void delighted_importer::emit(rebuy::batch_builder &out, const rebuy::csv_record &row) {
  if (!per_row_) {
    table_.emit(out, row, REBUY_RECORD_SURVEY);
    return;
  }
  std::string type = survey_type_of(row.fields[*survey_type_]);
  score_meaning meaning = meaning_of(type);
  auto roles = roles_by_type_.find(type);
  if (roles == roles_by_type_.end()) {
    roles = roles_by_type_.emplace(type, table_.roles()).first;
    std::vector<rebuy_role> &r = roles->second;
    // A role a record holds once moves to the score: no other column keeps it.
    for (rebuy_role &other : r)
      if (other == meaning.role && meaning.role != REBUY_ROLE_ATTRIBUTE)
        other = REBUY_ROLE_ATTRIBUTE;
    r[*score_] = meaning.role;
  }
  bool open = table_.emit(out, row, REBUY_RECORD_SURVEY, &roles->second);
  if (open && !meaning.fact.empty()) out.field(meaning.fact_role, {}, meaning.fact);
}

bool delighted_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  return table_.read_batch(
      out, max_rows,
      [this](rebuy::batch_builder &b, const rebuy::csv_record &row) { emit(b, row); });
}

int delighted_importer::probe(std::string_view head, std::string_view) noexcept {
  try {
    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    if (!reader.next(row)) return 0;
    std::vector<std::string> names(row.fields.begin(), row.fields.end());
    for (std::string &n : names)
      n = std::string(rebuy::trim_ascii(n));
    if (!column_named(names, "score")) return 0;
    if (column_named(names, "survey_type")) return 85;
    auto permalink = column_named(names, "permalink");
    if (!permalink || !reader.next(row) || *permalink >= row.fields.size()) return 0;
    return row.fields[*permalink].find("delighted.com/r/") != std::string_view::npos ? 85 : 0;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_delighted

REBUY_IMPORTER_PLUGIN(rebuy_delighted::delighted_importer, "delighted", "Delighted", "1.0.0",
                      "Delighted NPS / CSAT / CES response CSV exports")
