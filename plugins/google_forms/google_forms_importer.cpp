// The Google Forms responses importer: the CSV Google Forms downloads (or a
// linked Sheet saved as CSV): "Timestamp", then "Email Address" if collected,
// "Score" for quizzes, then one column per question titled with it.
//
// Layout from Google's documentation, not yet checked against a real export.
#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/role_guess.hpp>
#include <rebuy/text_util.hpp>

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

class google_forms_importer : public rebuy::guessed_table_importer {
public:
  // Reads the header and a sample. Options: map=ROLE=COLUMN, attribute=COLUMN.
  google_forms_importer(const rebuy::host &host, const rebuy::input &input,
                        const rebuy::options &options, rebuy::csv_limits limits = {});

  // 70 for a first header "Timestamp" over a first value that reads as a
  // date (or no rows yet); 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;
};

google_forms_importer::google_forms_importer(const rebuy::host &host, const rebuy::input &input,
                                             const rebuy::options &options,
                                             rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, "google_forms") {
  table_.warn_unknown_options(options, {});
  std::vector<std::string> names = table_.read_names("header");
  if (names[0] != "Timestamp")
    throw rebuy::error("the header's first column is \"" + names[0] +
                       "\", not Google Forms' \"Timestamp\"");
  table_.read_sample(names.size());
  table_.guess(rebuy::columns_named(std::move(names), metadata), options);
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
