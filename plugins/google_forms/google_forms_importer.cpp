#include "google_forms_importer.hpp"

#include <rebuy/role_guess.hpp>
#include <rebuy/text_util.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rebuy_google_forms {

namespace {

constexpr rebuy::named_role metadata[] = {
    {"Timestamp", REBUY_ROLE_SUBMITTED_AT},
    {"Email Address", REBUY_ROLE_CUSTOMER}, // "Email address" in newer forms: case is ignored
    {"Score", REBUY_ROLE_ATTRIBUTE},        // a quiz's points ("7 / 10"), not a star rating
};

} // namespace

google_forms_importer::google_forms_importer(const rebuy::host &host, const rebuy::input &input,
                                             const rebuy::options &options,
                                             rebuy::csv_limits limits)
    : table_(host, input, limits) {
  table_.warn_unknown_options(options, {});
  std::vector<std::string> names = table_.read_names("header");
  if (names[0] != "Timestamp")
    throw rebuy::error("the header's first column is \"" + names[0] +
                       "\", not Google Forms' \"Timestamp\"");
  table_.read_sample(names.size());
  std::vector<rebuy::table_column> columns;
  for (std::string &name : names) {
    std::optional<rebuy_role> known = rebuy::role_named(metadata, name);
    columns.push_back({std::move(name), {}, known});
  }
  table_.guess(std::move(columns), options);
}

rebuy::source_description google_forms_importer::describe() const {
  return table_.describe("google_forms", REBUY_RECORD_SURVEY);
}

bool google_forms_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  return table_.read_batch_as(out, max_rows, REBUY_RECORD_SURVEY);
}

int google_forms_importer::probe(std::string_view head, std::string_view) noexcept {
  try {
    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    if (!reader.next(row) || rebuy::trim_ascii(row.fields.at(0)) != "Timestamp") return 0;
    if (!reader.next(row)) return 70; // a form nobody has answered yet
    return rebuy::looks_like_date(row.fields.at(0)) ? 70 : 0;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_google_forms

REBUY_IMPORTER_PLUGIN(rebuy_google_forms::google_forms_importer, "google_forms", "Google Forms",
                      "1.0.0", "Google Forms response CSV downloads")
