// The Qualtrics response export importer: CSV or TSV with three header rows
// (export tags, question labels, {"ImportId":...} JSON) or the legacy two
// (V1..V10 and question tags, then labels).
//
// Columns are named by their export tag, which stays the same whatever
// language the labels were exported in; the labels help guess roles and may
// stand for the tag in --map. Previews, test responses and spam are skipped
// unless the user asks for them.
#ifndef REBUY_QUALTRICS_IMPORTER_HPP
#define REBUY_QUALTRICS_IMPORTER_HPP

#include <rebuy/guessed_table_importer.hpp>
#include <rebuy/plugin.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_qualtrics {

class qualtrics_importer : public rebuy::guessed_table_importer {
public:
  // Reads the header rows and a sample. Options: map=ROLE=COLUMN,
  // attribute=COLUMN, include_previews=1, include_tests=1, include_spam=1.
  // Throws rebuy::error naming the header row and line when they are not
  // Qualtrics'.
  qualtrics_importer(const rebuy::host &host, const rebuy::input &input,
                     const rebuy::options &options, rebuy::csv_limits limits = {});

  // 95 for three header rows whose third holds {"ImportId":...}; 90 for the
  // legacy V1,V2,V3... tags over a label row with ResponseID; 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

  bool legacy() const noexcept { return legacy_; }
  const std::vector<std::string> &column_names() const noexcept { return table_.names(); }
  // Row 2's question text of each column.
  const std::vector<std::string> &labels() const noexcept { return table_.labels(); }
  const std::vector<rebuy_role> &roles() const noexcept { return table_.roles(); }

private:
  // Which included kinds of non-responses the user asked for.
  struct inclusions {
    bool previews = false, tests = false, spam = false;
  };

  // Why a row with this Status is left out, or empty to keep it.
  std::string skip_reason(std::string_view status) const;

  bool legacy_ = false;
  std::optional<size_t> status_column_;
  inclusions include_;
};

} // namespace rebuy_qualtrics

#endif // REBUY_QUALTRICS_IMPORTER_HPP
