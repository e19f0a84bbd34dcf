// The SurveyMonkey "all individual responses" importer: CSV with two header
// rows, question text over sub-labels.
//
// A question that spans several columns (checkboxes, matrices, "other")
// writes its text only over its first column; each column is named from the
// question it belongs to and its own sub-label, so "Which did you buy?" over
// "Shoes" and "Socks" gives "Which did you buy? - Shoes" and "... - Socks".
#ifndef REBUY_SURVEYMONKEY_IMPORTER_HPP
#define REBUY_SURVEYMONKEY_IMPORTER_HPP

#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rebuy_surveymonkey {

class surveymonkey_importer : public rebuy::guessed_table_importer {
public:
  // Reads both header rows and a sample. Options: map=ROLE=COLUMN,
  // attribute=COLUMN. Throws rebuy::error naming the header row and line
  // when they are not SurveyMonkey's.
  surveymonkey_importer(const rebuy::host &host, const rebuy::input &input,
                        const rebuy::options &options, rebuy::csv_limits limits = {});

  // 90 for a Respondent ID column over a row of "Response" / "Open-Ended
  // Response" sub-labels, 75 when the sub-labels are all choice labels, 0
  // otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  // Header text as a field name: HTML entities decoded, <br> and other tags
  // turned into spaces, white space runs made one space.
  static std::string plain_header(std::string_view html);
};

} // namespace rebuy_surveymonkey

#endif // REBUY_SURVEYMONKEY_IMPORTER_HPP
