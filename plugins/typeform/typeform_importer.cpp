// The Typeform responses importer: CSV whose first column is "#" (the
// response token), then one column per question titled with its full text,
// then Typeform's metadata ("Submit Date (UTC)", "Network ID"...).
//
// Layout from Typeform's documentation, not yet checked against a real export.
#include <rebuy/column_mapping.hpp>
#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
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

class typeform_importer : public rebuy::guessed_table_importer {
public:
  // Reads the header and a sample. Options: map=ROLE=COLUMN, attribute=COLUMN.
  typeform_importer(const rebuy::host &host, const rebuy::input &input,
                    const rebuy::options &options, rebuy::csv_limits limits = {});

  // 90 for a first header "#" with "Submit Date (UTC)" or "Network ID"; 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;
};

typeform_importer::typeform_importer(const rebuy::host &host, const rebuy::input &input,
                                     const rebuy::options &options, rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, "typeform") {
  table_.warn_unknown_options(options, {});
  std::vector<std::string> names = table_.read_names("header");
  if (names.empty() || names[0] != "#")
    throw rebuy::error("the header's first column is \"" + names.at(0) +
                       "\", not Typeform's response token \"#\"");

  table_.read_sample(names.size());
  table_.guess(rebuy::columns_named(std::move(names), metadata), options);
  // "(UTC)" says the zone of the times below it; the host converts with it.
  for (size_t c = 0; c < table_.names().size(); ++c)
    if (ends_with_ci(table_.names()[c], "(UTC)")) table_.set_suffix(c, "UTC");
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
