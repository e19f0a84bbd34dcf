// The Delighted responses importer: CSV with the fields of Delighted's
// survey response (id, person, email, survey_type, score, comment,
// created_at in Unix seconds...) and one column per person property.
//
// The score means what the row's survey_type says: an NPS answer, a CSAT or
// CES rating, stars. Layout from Delighted's API documentation, not yet
// checked against a real CSV export.
#ifndef REBUY_DELIGHTED_IMPORTER_HPP
#define REBUY_DELIGHTED_IMPORTER_HPP

#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_delighted {

class delighted_importer : public rebuy::guessed_table_importer {
public:
  // Reads the header and a sample. Options: map=ROLE=COLUMN, attribute=COLUMN.
  delighted_importer(const rebuy::host &host, const rebuy::input &input,
                     const rebuy::options &options, rebuy::csv_limits limits = {});

  // 85 for a header with survey_type and score, or with score and a
  // permalink to delighted.com; 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

  // The role of a score in a survey of this type ("nps", "csat"...), and the
  // scale fact that goes with it (CES version 2, stars out of 5).
  struct score_meaning {
    rebuy_role role = REBUY_ROLE_ATTRIBUTE;
    rebuy_role fact_role = REBUY_ROLE_ATTRIBUTE;
    std::string_view fact; // empty: none
  };
  static score_meaning meaning_of(std::string_view survey_type);

private:
  void emit(rebuy::batch_builder &out, const rebuy::csv_record &row);

  std::optional<size_t> score_, survey_type_;
  bool per_row_ = false; // the score's role follows each row's survey_type
  std::map<std::string, std::vector<rebuy_role>> roles_by_type_;
};

} // namespace rebuy_delighted

#endif // REBUY_DELIGHTED_IMPORTER_HPP
