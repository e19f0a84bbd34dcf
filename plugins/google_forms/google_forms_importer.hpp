// The Google Forms responses importer: the CSV Google Forms downloads (or a
// linked Sheet saved as CSV): "Timestamp", then "Email Address" if collected,
// "Score" for quizzes, then one column per question titled with it.
//
// Layout from Google's documentation, not yet checked against a real export.
#ifndef REBUY_GOOGLE_FORMS_IMPORTER_HPP
#define REBUY_GOOGLE_FORMS_IMPORTER_HPP

#include <rebuy/guessed_table.hpp>
#include <rebuy/plugin.hpp>

#include <string_view>

namespace rebuy_google_forms {

class google_forms_importer : public rebuy::importer {
public:
  // Reads the header and a sample. Options: map=ROLE=COLUMN, attribute=COLUMN.
  google_forms_importer(const rebuy::host &host, const rebuy::input &input,
                        const rebuy::options &options, rebuy::csv_limits limits = {});

  // 70 for a first header "Timestamp" over a first value that reads as a
  // date (or no rows yet); 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  rebuy::source_description describe() const override;
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

private:
  rebuy::guessed_table table_;
};

} // namespace rebuy_google_forms

#endif // REBUY_GOOGLE_FORMS_IMPORTER_HPP
