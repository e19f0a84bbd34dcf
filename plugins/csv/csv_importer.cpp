#include "csv_importer.hpp"

#include <rebuy/column_mapping.hpp>
#include <rebuy/csv_reader.hpp>
#include <rebuy/string_input.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>

namespace rebuy_csv {

namespace {

// The host probes with up to 64 KiB; delimiter detection looks at as much.
constexpr size_t head_bytes = size_t{64} << 10;

char parse_delimiter(std::string_view value) {
  if (value == "," || value == "comma") return ',';
  if (value == ";" || value == "semicolon") return ';';
  if (value == "\t" || value == "\\t" || value == "tab") return '\t';
  throw rebuy::error("csv: delimiter must be ',', ';', '\\t' or 'tab', not \"" +
                     std::string(value) + "\"");
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         rebuy::ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

} // namespace

csv_importer::csv_importer(const rebuy::host &host, const rebuy::input &input,
                           const rebuy::options &options, rebuy::csv_limits limits)
    : table_(host, input, limits) {
  table_.warn_unknown_options(options, {"delimiter"});
  rebuy::csv_reader &reader = table_.reader();
  if (auto d = options.get("delimiter"))
    reader.set_delimiter(parse_delimiter(*d));
  else
    reader.set_delimiter(rebuy::detect_delimiter(reader.peek(head_bytes)));
  delimiter_ = reader.delimiter();

  std::vector<rebuy::table_column> columns;
  for (std::string &name : rebuy::unique_column_names(table_.read_header("header line").fields))
    columns.push_back({std::move(name), {}, std::nullopt});
  table_.read_sample(columns.size());
  table_.guess(std::move(columns), options);

  // Stars without a survey question are a review; anything else a survey.
  const std::vector<rebuy_role> &roles = table_.roles();
  auto has = [&](rebuy_role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); };
  kind_ = has(REBUY_ROLE_RATING) && !has(REBUY_ROLE_NPS) && !has(REBUY_ROLE_BUY_AGAIN)
              ? REBUY_RECORD_REVIEW
              : REBUY_RECORD_SURVEY;
}

rebuy::source_description csv_importer::describe() const { return table_.describe({}, kind_); }

bool csv_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  return table_.read_batch(out, max_rows,
                           [this](rebuy::batch_builder &b, const rebuy::csv_record &row) {
                             table_.emit(b, row, kind_);
                           });
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

    rebuy::string_input text(head);
    rebuy::csv_limits limits;
    limits.chunk_bytes = head_bytes;
    rebuy::csv_reader reader(rebuy::input(text.get()), limits);
    reader.set_delimiter(rebuy::detect_delimiter(head));
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
