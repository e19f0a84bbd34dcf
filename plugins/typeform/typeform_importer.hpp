// The Typeform responses importer: CSV whose first column is "#" (the
// response token), then one column per question titled with its full text,
// then Typeform's metadata ("Submit Date (UTC)", "Network ID"...).
//
// Layout from Typeform's documentation, not yet checked against a real export.
#ifndef REBUY_TYPEFORM_IMPORTER_HPP
#define REBUY_TYPEFORM_IMPORTER_HPP

#include <rebuy/guessed_table.hpp>
#include <rebuy/plugin.hpp>

#include <string_view>

namespace rebuy_typeform {

class typeform_importer : public rebuy::importer {
public:
  // Reads the header and a sample. Options: map=ROLE=COLUMN, attribute=COLUMN.
  typeform_importer(const rebuy::host &host, const rebuy::input &input,
                    const rebuy::options &options, rebuy::csv_limits limits = {});

  // 90 for a first header "#" with "Submit Date (UTC)" or "Network ID"; 0 otherwise.
  static int probe(std::string_view head, std::string_view file_name) noexcept;

  rebuy::source_description describe() const override;
  bool read_batch(rebuy::batch_builder &out, size_t max_rows) override;

private:
  rebuy::guessed_table table_;
};

} // namespace rebuy_typeform

#endif // REBUY_TYPEFORM_IMPORTER_HPP
