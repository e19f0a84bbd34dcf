#include "csv_importer.hpp"

#include <rebuy/column_mapping.hpp>
#include <rebuy/csv_reader.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>

namespace rebuy_csv {

namespace {

char parse_delimiter(std::string_view value) {
  if (value == "," || value == "comma") return ',';
  if (value == ";" || value == "semicolon") return ';';
  if (value == "\t" || value == "\\t" || value == "tab") return '\t';
  throw rebuy::error("delimiter must be ',', ';', '\\t' or 'tab', not \"" + std::string(value) +
                     "\"");
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         rebuy::ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

} // namespace

csv_importer::csv_importer(const rebuy::host &host, const rebuy::input &input,
                           const rebuy::options &options, rebuy::csv_limits limits)
    : guessed_table_importer(host, input, limits, {}) {
  table_.warn_unknown_options(options, {"delimiter"});
  if (auto d = options.get("delimiter")) table_.reader().set_delimiter(parse_delimiter(*d));
  delimiter_ = table_.reader().delimiter();

  std::vector<std::string> names = table_.read_names_and_sample("header line");
  table_.guess(rebuy::columns_named(std::move(names)), options);

  // Stars or a recommend flag without a survey question are a review;
  // anything else a survey.
  const std::vector<rebuy_role> &roles = table_.roles();
  auto has = [&](rebuy_role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  bool survey = has(REBUY_ROLE_NPS) || has(REBUY_ROLE_BUY_AGAIN) || has(REBUY_ROLE_CSAT) ||
                has(REBUY_ROLE_CES);
  set_kind((has(REBUY_ROLE_RATING) || has(REBUY_ROLE_RECOMMEND)) && !survey ? REBUY_RECORD_REVIEW
                                                                            : REBUY_RECORD_SURVEY);
}

int csv_importer::probe(std::string_view head, std::string_view file_name) noexcept {
  try {
    if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return 0;
    if (head[first] == '{' || head[first] == '[') return 0; // JSON or JSON lines
    // Binary: NUL, or more than a trace of other control bytes.
    size_t controls = 0;
    for (char c : head) {
      if (c == '\0') return 0;
      unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
    }
    if (controls * 100 > head.size()) return 0;

    rebuy::head_reader reader(head);
    rebuy::csv_record row;
    do {
      if (!reader.next(row)) return 0;
    } while (row.status == rebuy::csv_status::blank);
    if (row.status != rebuy::csv_status::ok) return 5; // a header longer than the head, perhaps
    size_t columns = row.fields.size();
    int score = columns >= 2 ? 20 : 5;
    // A first data row as wide as the header makes a table likelier.
    if (columns >= 2 && reader.next(row) && row.status == rebuy::csv_status::ok &&
        row.fields.size() == columns)
      score += 5;
    for (std::string_view ext : {".csv", ".tsv", ".txt", ".tab"})
      if (ends_with_ci(file_name, ext)) score += 10;
    return score;
  } catch (...) {
    return 0;
  }
}

} // namespace rebuy_csv

REBUY_IMPORTER_PLUGIN(rebuy_csv::csv_importer, "csv", "CSV / TSV", "1.0.0",
                      "Generic delimited text: roles guessed from headers and values")
