#include "typeform_importer.hpp"

#include <rebuy/column_mapping.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace rebuy_typeform {

namespace {

// Typeform's own columns, old and new layouts.
constexpr rebuy::named_role metadata[] = {
    {"#", REBUY_ROLE_ID},
    {"Submit Date (UTC)", REBUY_ROLE_SUBMITTED_AT},
    {"Start Date (UTC)", REBUY_ROLE_ATTRIBUTE},
    {"Stage Date (UTC)", REBUY_ROLE_ATTRIBUTE},
    {"Network ID", REBUY_ROLE_ATTRIBUTE},
    {"Response Type", REBUY_ROLE_ATTRIBUTE}, // completed or partial: both are kept
    {"Tags", REBUY_ROLE_ATTRIBUTE},
    // The score variable of a quiz or calculator form, not a star rating.
    {"score", REBUY_ROLE_ATTRIBUTE},
};

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         rebuy::ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

} // namespace

typeform_importer::typeform_importer(const rebuy::host &host, const rebuy::input &input,
                                     const rebuy::options &options, rebuy::csv_limits limits)
    : table_(host, input, limits) {
  table_.warn_unknown_options(options, {});
  std::vector<std::string> names = table_.read_names("header");
  if (names.empty() || names[0] != "#")
    throw rebuy::error("the header's first column is \"" + names.at(0) +
                       "\", not Typeform's response token \"#\"");

  table_.read_sample(names.size());
  std::vector<rebuy::table_column> columns;
  for (std::string &name : names) {
    std::optional<rebuy_role> known = rebuy::role_named(metadata, name);
    columns.push_back({std::move(name), {}, known});
  }
  table_.guess(std::move(columns), options);
  // "(UTC)" says the zone of the times below it; the host converts with it.
  for (size_t c = 0; c < table_.names().size(); ++c)
    if (ends_with_ci(table_.names()[c], "(UTC)")) table_.set_suffix(c, "UTC");
}

rebuy::source_description typeform_importer::describe() const {
  return table_.describe("typeform", REBUY_RECORD_SURVEY);
}

bool typeform_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  return table_.read_batch_as(out, max_rows, REBUY_RECORD_SURVEY);
}

int typeform_importer::probe(std::string_view head, std::string_view) noexcept {
  try {
    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    if (!reader.next(row) || rebuy::trim_ascii(row.fields.at(0)) != "#") return 0;
    bool typeform = std::any_of(row.fields.begin(), row.fields.end(), [](std::string_view f) {
      f = rebuy::trim_ascii(f);
      return rebuy::ascii_iequals(f, "Submit Date (UTC)") || rebuy::ascii_iequals(f, "Network ID");
    });
    return typeform ? 90 : 0;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_typeform

REBUY_IMPORTER_PLUGIN(rebuy_typeform::typeform_importer, "typeform", "Typeform", "1.0.0",
                      "Typeform response CSV exports")
