// The generic CSV / TSV importer: any delimited text with a header line.
//
// It is the fallback for files no format-specific importer claims, so it
// guesses each column's role from the header and a sample of values, and the
// user can override every guess (--map ROLE=COLUMN).
#ifndef REBUY_CSV_CSV_IMPORTER_HPP
#define REBUY_CSV_CSV_IMPORTER_HPP

#include <rebuy/csv_reader.hpp>

#include <rebuy/plugin.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_csv {

class csv_importer : public rebuy::importer {
public:
  // Rows read ahead to guess roles from; they are emitted first, in order.
  static constexpr size_t sample_rows = 500;
  // ...unless they hold more text than this, so the sample stays small.
  static constexpr size_t sample_bytes = size_t{16} << 20;

  // Reads the header and the sample. Options: map=ROLE=COLUMN,
  // attribute=COLUMN, delimiter=, | ; | tab. Throws rebuy::error.
  csv_importer(const rebuy::host &host, const rebuy::input &input, const rebuy::options &options,
               rebuy::csv_limits limits = {});

  // 0 for what is not delimited text; 5-35 otherwise, always below the
  // 60-100 a format-specific importer claims.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  rebuy::source_description describe() const override;
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

  const std::vector<std::string> &column_names() const noexcept { return names_; }
  const std::vector<rebuy_role> &roles() const noexcept { return roles_; }
  char delimiter() const noexcept { return reader_.delimiter(); }
  rebuy_record_kind kind() const noexcept { return kind_; }

private:
  // A row read ahead for the sample, owning its text.
  struct buffered_row {
    uint64_t line = 0, quote_line = 0;
    rebuy::csv_status status = rebuy::csv_status::ok;
    std::string text;         // the fields, back to back
    std::vector<size_t> ends; // where each field ends in text
    std::string raw;
  };

  void read_header();
  void read_sample();
  void guess_and_map(const rebuy::options &options);
  bool fits_header(std::span<const std::string_view> fields) const noexcept;
  // The fields of a buffered row, as views valid until the next call.
  std::span<const std::string_view> field_views(const buffered_row &row);
  void emit(rebuy::batch_builder &out, const rebuy::csv_record &row);
  void emit_buffered(rebuy::batch_builder &out, const buffered_row &row);

  rebuy::host host_;
  rebuy::csv_reader reader_;
  uint64_t size_hint_;
  std::vector<std::string> names_;
  std::vector<rebuy_role> roles_;
  rebuy_record_kind kind_ = REBUY_RECORD_SURVEY;

  std::vector<buffered_row> buffered_; // blank lines before the header, then the sample
  size_t next_buffered_ = 0;
  bool exhausted_ = false;

  rebuy::csv_record record_;            // reused for every row read
  std::vector<std::string_view> views_; // fields of a buffered row
  std::string decoded_;                 // HTML-decoded text value
};

} // namespace rebuy_csv

#endif // REBUY_CSV_CSV_IMPORTER_HPP
