// The generic CSV / TSV importer: any delimited text with a header line.
//
// It is the fallback for files no format-specific importer claims, so it
// guesses each column's role from the header and a sample of values, and the
// user can override every guess (--map ROLE=COLUMN).
#ifndef REBUY_CSV_CSV_IMPORTER_HPP
#define REBUY_CSV_CSV_IMPORTER_HPP

#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rebuy_csv {

class csv_importer : public rebuy::guessed_table_importer {
public:
  // Reads the header and a sample of rows to guess roles from. Options:
  // map=ROLE=COLUMN, attribute=COLUMN, delimiter=, | ; | tab. Throws rebuy::error.
  csv_importer(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options,
               rebuy::csv_limits limits = {});

  // 0 for what is not delimited text; 5-35 otherwise, always below the
  // 60-100 a format-specific importer claims.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  const std::vector<std::string> &column_names() const noexcept { return table_.names(); }
  const std::vector<rebuy_role> &roles() const noexcept { return table_.roles(); }
  char delimiter() const noexcept { return delimiter_; }

private:
  char delimiter_ = ',';
};

} // namespace rebuy_csv

#endif // REBUY_CSV_CSV_IMPORTER_HPP
