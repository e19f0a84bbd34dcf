#include "csv_importer.hpp"

#include "role_guess.hpp"

#include <rebuy/column_mapping.hpp>
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
  throw rebuy::error("delimiter must be ',', ';', '\\t' or 'tab', not \"" +
                     std::string(value) + "\"");
}

std::string byte_size(size_t bytes) {
  if (bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         rebuy::ascii_iequals(s.substr(s.size() - suffix.size()), suffix);
}

} // namespace

csv_importer::csv_importer(const rebuy::host &host, const rebuy::input &input,
                           const rebuy::options &options, rebuy::csv_limits limits)
    : host_(host), reader_(input, limits), size_hint_(input.size_hint()) {
  for (const auto &[key, value] : options.items())
    if (key != "map" && key != "attribute" && key != "delimiter")
      host_.warn("ignoring unknown option \"" + key + "\"");

  reader_.skip_bom(); // the host removes it already; a second one would corrupt the first name
  if (auto d = options.get("delimiter"))
    reader_.set_delimiter(parse_delimiter(*d));
  else
    reader_.set_delimiter(rebuy::detect_delimiter(reader_.peek(head_bytes)));

  read_header();
  read_sample();
  guess_and_map(options);
}

void csv_importer::read_header() {
  for (;;) {
    if (!reader_.next(record_)) throw rebuy::error("the input is empty: no header line");
    if (record_.status != rebuy::csv_status::blank) break;
    // Blank lines above the header are rows of the file too: report them.
    buffered_row blank;
    blank.line = record_.line;
    blank.status = rebuy::csv_status::blank;
    buffered_.push_back(std::move(blank));
  }
  switch (record_.status) {
  case rebuy::csv_status::unterminated_quote:
    throw rebuy::error("the header on line " + std::to_string(record_.line) +
                       " never ends: unterminated quoted field starting at line " +
                       std::to_string(record_.quote_line));
  case rebuy::csv_status::too_many_bytes:
    throw rebuy::error("the header on line " + std::to_string(record_.line) +
                       " is longer than " + byte_size(reader_.limits().max_record_bytes));
  case rebuy::csv_status::too_many_fields:
    throw rebuy::error("the header on line " + std::to_string(record_.line) +
                       " has more than " + std::to_string(reader_.limits().max_fields) +
                       " columns");
  case rebuy::csv_status::ok:
  case rebuy::csv_status::blank:
    break;
  }
  names_ = rebuy::unique_column_names(record_.fields);
}

void csv_importer::read_sample() {
  size_t rows = 0, bytes = 0;
  while (rows < sample_rows && bytes < sample_bytes) {
    if (!reader_.next(record_)) {
      exhausted_ = true;
      break;
    }
    buffered_row row;
    row.line = record_.line;
    row.quote_line = record_.quote_line;
    row.status = record_.status;
    for (std::string_view f : record_.fields) {
      row.text.append(f);
      row.ends.push_back(row.text.size());
    }
    row.raw = record_.raw;
    bytes += row.text.size() + row.raw.size();
    buffered_.push_back(std::move(row));
    ++rows;
  }
}

bool csv_importer::fits_header(std::span<const std::string_view> fields) const noexcept {
  if (fields.size() < names_.size()) return false;
  // Trailing delimiters (one per row in some exports) add empty fields.
  return std::all_of(fields.begin() + static_cast<std::ptrdiff_t>(names_.size()), fields.end(),
                     [](std::string_view f) { return f.empty(); });
}

void csv_importer::guess_and_map(const rebuy::options &options) {
  std::vector<column_sample> columns(names_.size());
  for (size_t c = 0; c < names_.size(); ++c)
    columns[c].header = names_[c];
  for (const buffered_row &row : buffered_) {
    if (row.status != rebuy::csv_status::ok) continue;
    std::span<const std::string_view> fields = field_views(row);
    if (!fits_header(fields)) continue; // a ragged row says nothing about its columns
    for (size_t c = 0; c < names_.size(); ++c)
      columns[c].values.push_back(fields[c]);
  }
  roles_ = guess_roles(columns);
  rebuy::apply_role_overrides(names_, roles_, options);

  // Stars without a survey question are a review; anything else a survey.
  auto has = [&](rebuy_role r) {
    return std::find(roles_.begin(), roles_.end(), r) != roles_.end();
  };
  kind_ = has(REBUY_ROLE_RATING) && !has(REBUY_ROLE_NPS) && !has(REBUY_ROLE_BUY_AGAIN)
              ? REBUY_RECORD_REVIEW
              : REBUY_RECORD_SURVEY;
}

rebuy::source_description csv_importer::describe() const {
  rebuy::source_description d;
  d.kind = kind_;
  for (size_t c = 0; c < names_.size(); ++c)
    d.columns.emplace_back(names_[c], roles_[c]);
  return d;
}

void csv_importer::emit(rebuy::batch_builder &out, const rebuy::csv_record &row) {
  switch (row.status) {
  case rebuy::csv_status::blank:
    out.skip(row.line, "blank line");
    return;
  case rebuy::csv_status::unterminated_quote:
    out.reject(row.line,
               "unterminated quoted field starting at line " + std::to_string(row.quote_line),
               row.raw);
    return;
  case rebuy::csv_status::too_many_bytes:
    out.reject(row.line, "row longer than " + byte_size(reader_.limits().max_record_bytes),
               row.raw);
    return;
  case rebuy::csv_status::too_many_fields:
    out.reject(row.line,
               "row has more than " + std::to_string(reader_.limits().max_fields) + " fields",
               row.raw);
    return;
  case rebuy::csv_status::ok:
    break;
  }
  if (!fits_header(row.fields)) {
    out.reject(row.line,
               "expected " + std::to_string(names_.size()) + " fields, found " +
                   std::to_string(row.fields.size()),
               row.raw);
    return;
  }

  out.begin_record(row.line, kind_);
  size_t fields = 0;
  for (size_t c = 0; c < names_.size(); ++c) {
    std::string_view value = row.fields[c];
    rebuy_role role = roles_[c];
    if (role != REBUY_ROLE_ATTRIBUTE) value = rebuy::trim_ascii(value); // attributes stay verbatim
    if (value.empty()) continue;
    if (role == REBUY_ROLE_TEXT || role == REBUY_ROLE_TITLE)
      value = rebuy::decode_html_entities(value, decoded_);
    out.field(role, names_[c], value);
    ++fields;
  }
  if (fields == 0) {
    // A row of nothing but delimiters (spreadsheets pad exports with them)
    // would be an empty response: skip it, visibly.
    out.cancel_record();
    out.skip(row.line, "empty row: every field is blank", row.raw);
  }
}

std::span<const std::string_view> csv_importer::field_views(const buffered_row &row) {
  views_.clear();
  size_t start = 0;
  for (size_t end : row.ends) {
    views_.emplace_back(row.text.data() + start, end - start);
    start = end;
  }
  return views_;
}

void csv_importer::emit_buffered(rebuy::batch_builder &out, const buffered_row &row) {
  rebuy::csv_record record;
  record.line = row.line;
  record.quote_line = row.quote_line;
  record.status = row.status;
  std::span<const std::string_view> fields = field_views(row);
  record.fields.assign(fields.begin(), fields.end());
  record.raw = row.raw;
  emit(out, record);
}

bool csv_importer::read_batch(rebuy::batch_builder &out, size_t max_rows) {
  host_.check_cancelled();
  size_t target = out.row_count() + std::max<size_t>(max_rows, 1);
  while (out.row_count() < target) {
    if (next_buffered_ < buffered_.size()) {
      emit_buffered(out, buffered_[next_buffered_++]);
      if (next_buffered_ == buffered_.size()) {
        buffered_.clear(); // the sample has served its purpose: free it
        buffered_.shrink_to_fit();
        next_buffered_ = 0;
      }
      continue;
    }
    if (exhausted_ || !reader_.next(record_)) {
      exhausted_ = true;
      break;
    }
    emit(out, record_);
  }
  // size_hint counts the source's bytes, which decoding may have changed:
  // never report more than all of it.
  uint64_t done = reader_.bytes_consumed();
  host_.progress(size_hint_ ? std::min(done, size_hint_) : done, size_hint_);
  return !(exhausted_ && buffered_.empty());
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
