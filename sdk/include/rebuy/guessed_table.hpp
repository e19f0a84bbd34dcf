// rebuy plugin SDK: a delimited table whose column roles are guessed.
//
// Survey and spreadsheet exports share one shape: one or more header records
// name the columns, then every row is a response. The importer reads its
// header records through this table and names the columns; the table reads a
// sample of rows ahead, guesses each column's role and scale from it
// (<rebuy/role_guess.hpp>), applies the user's --map and --scale, and then
// hands out every row, the sampled ones first and in order, as exactly one of:
//   a record           the importer's on_row callback emits it (usually with emit())
//   a skip             a blank line; a row whose every field is blank
//   a reject           a row with more or fewer fields than the header ("expected 3
//                      fields, found 2"; trailing empty fields are fine), an
//                      unterminated quoted field, a row beyond csv_limits
//
//   rebuy::guessed_table table(host, input);           // the delimiter is detected
//   std::vector<std::string> names = table.read_names("header");
//   table.read_sample(names.size());
//   table.guess(rebuy::columns_named(names), options);  // <rebuy/guessed_table_importer.hpp>
//   bool more = table.read_batch_as(out, max_rows, REBUY_RECORD_SURVEY);
//
// While it emits rows, a mapped cell holding a missing-value marker (NA, nan,
// "-", a column's "No Negative") is kept as an attribute and counted, and a
// rating on a scale other than 1-5 carries its maximum (REBUY_ROLE_RATING_MAX).
#ifndef REBUY_GUESSED_TABLE_HPP
#define REBUY_GUESSED_TABLE_HPP

#include <rebuy/column_mapping.hpp>
#include <rebuy/csv_reader.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/role_guess.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy {

// A column as the importer names it, before its role is guessed.
struct table_column {
  std::string name;                // the field name records carry; unique in the table
  std::string label;               // the question, when the format states it apart from the name
  std::optional<rebuy_role> known; // a role the format fixes: not guessed
};

class guessed_table {
public:
  // Rows read ahead to guess roles from, unless they hold more text than
  // sample_bytes, so the sample stays small.
  static constexpr size_t sample_rows = 500;
  static constexpr size_t sample_bytes = size_t{16} << 20;

  // Reads with the delimiter the header line uses most (detect_delimiter);
  // reader().set_delimiter() before the first header record changes it.
  guessed_table(const rebuy::host &host, const rebuy::input &input, csv_limits limits = {})
      : host_(host), reader_(input, limits), size_hint_(input.size_hint()) {
    reader_.skip_bom(); // the host removes it already; a second one would corrupt the first name
    reader_.set_delimiter(detect_delimiter(reader_.peek(size_t{64} << 10)));
  }
  guessed_table(const guessed_table &) = delete;
  guessed_table &operator=(const guessed_table &) = delete;

  csv_reader &reader() noexcept { return reader_; }

  // The next header record, `what` naming it in errors ("header row 2").
  // Blank lines before it are rows of the file too: they are reported as
  // skipped once rows are read. Throws rebuy::error when the input ends first
  // or the record is unreadable.
  const csv_record &read_header(std::string_view what);
  // read_header() for a single header row: its cells as unique column names.
  std::vector<std::string> read_names(std::string_view what) {
    return unique_column_names(read_header(what).fields);
  }
  // read_names() and read_sample() for a file that may have no header row:
  // when the first record reads as data (first_row_is_data), it becomes the
  // first row and the columns are named column_1, column_2, ...
  std::vector<std::string> read_names_and_sample(std::string_view what);

  // Reads the sample of rows under a header of `width` columns. Call once,
  // after the header records.
  void read_sample(size_t width);
  // The values of a column in the sampled rows that fit the header; views
  // valid until the first read_batch(). Lets an importer decide a known role
  // from the data (which of two id columns is filled, say).
  std::vector<std::string_view> sample_values(size_t column) const;

  // Names the columns and gives each its role: known ones as given, the others
  // guessed from their name, label and sampled values, then the user's
  // overrides (map=ROLE=COLUMN, attribute=COLUMN, scale=COLUMN=RANGE), where
  // COLUMN may also be a column's label. Throws rebuy::error for an override
  // naming no column or a range it cannot read. `columns` has the width given
  // to read_sample().
  void guess(std::vector<table_column> columns, const rebuy::options &options);

  // Warns about options other than map, attribute, scale and `known`.
  void warn_unknown_options(const rebuy::options &options,
                            std::initializer_list<std::string_view> known) const;

  const std::vector<std::string> &names() const noexcept { return names_; }
  const std::vector<std::string> &labels() const noexcept { return labels_; }
  const std::vector<rebuy_role> &roles() const noexcept { return roles_; }

  // Text appended, after a space, to every non-blank value of a column: the
  // time zone of a date column whose values carry none.
  void set_suffix(size_t column, std::string suffix) { suffixes_.at(column) = std::move(suffix); }

  // The mapping with its notes: each column's scale, why it has its role or
  // what would map it, and the missing-value markers seen so far.
  source_description describe(std::string source, rebuy_record_kind kind) const;

  // Adds up to max_rows rows to `out`, calling on_row(out, row) for each row
  // that fits the header; blank, ragged and unreadable rows are skipped or
  // rejected here. on_row must emit the row or skip it. Returns false once the
  // input is exhausted.
  template <class OnRow> bool read_batch(batch_builder &out, size_t max_rows, OnRow &&on_row);
  // read_batch() emitting every row that fits as a record of `kind`.
  bool read_batch_as(batch_builder &out, size_t max_rows, rebuy_record_kind kind) {
    return read_batch(out, max_rows,
                      [&](batch_builder &b, const csv_record &row) { emit(b, row, kind); });
  }

  // Emits a row as a record of `kind`: every non-blank field with its role
  // (from `roles` when given, else the table's), values trimmed except
  // attributes, HTML entities in text and titles decoded. A row whose every
  // field is blank is skipped instead. True when the record stays open for
  // more fields, false when the row was skipped.
  bool emit(batch_builder &out, const csv_record &row, rebuy_record_kind kind,
            const std::vector<rebuy_role> *roles = nullptr);

private:
  // A row read ahead for the sample, owning its text.
  struct buffered_row {
    uint64_t line = 0, quote_line = 0;
    csv_status status = csv_status::ok;
    std::string text;         // the fields, back to back
    std::vector<size_t> ends; // where each field ends in text
    std::string raw;
  };

  static std::string byte_size(size_t bytes) {
    if (bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
  }
  static void keep(buffered_row &row, const csv_record &record);
  const csv_record &replay(const buffered_row &row);
  bool fits(const std::vector<std::string_view> &fields) const noexcept;
  // Rejects or skips a row that is not a data row; true when it is one.
  bool screen(batch_builder &out, const csv_record &row);

  void apply_scales(const rebuy::options &options, const std::vector<rebuy_role> &guessed);
  bool missing(size_t column, std::string_view value) const;
  void count_missing(size_t column, std::string_view marker);

  rebuy::host host_;
  csv_reader reader_;
  uint64_t size_hint_;
  size_t width_ = 0; // columns of the header
  bool headerless_ = false;
  uint64_t first_line_ = 0; // of a table without a header row
  std::vector<std::string> names_, labels_, suffixes_;
  std::vector<rebuy_role> roles_;
  std::vector<column_guess> guesses_;
  std::vector<std::vector<std::pair<std::string, uint64_t>>> missing_; // marker, count
  std::optional<size_t> rating_column_;
  std::string rating_max_, rating_max_name_; // emitted with every rating not on 1-5

  std::vector<buffered_row> buffered_; // blank lines before the data, then the sample
  size_t next_buffered_ = 0;
  bool exhausted_ = false;

  csv_record record_, replayed_; // reused for every row read or replayed
  std::string decoded_, suffixed_;
};

inline const csv_record &guessed_table::read_header(std::string_view what) {
  for (;;) {
    if (!reader_.next(record_))
      throw rebuy::error("no " + std::string(what) + ": the input ends before it");
    if (record_.status != csv_status::blank) break;
    buffered_.emplace_back();
    keep(buffered_.back(), record_);
  }
  std::string where = std::string(what) + " on line " + std::to_string(record_.line);
  switch (record_.status) {
  case csv_status::unterminated_quote:
    throw rebuy::error(where + " never ends: unterminated quoted field starting at line " +
                       std::to_string(record_.quote_line));
  case csv_status::too_many_bytes:
    throw rebuy::error(where + " is longer than " + byte_size(reader_.limits().max_record_bytes));
  case csv_status::too_many_fields:
    throw rebuy::error(where + " has more than " + std::to_string(reader_.limits().max_fields) +
                       " columns");
  case csv_status::ok:
  case csv_status::blank:
    break;
  }
  return record_;
}

inline void guessed_table::keep(buffered_row &row, const csv_record &record) {
  row.line = record.line;
  row.quote_line = record.quote_line;
  row.status = record.status;
  for (std::string_view f : record.fields) {
    row.text.append(f);
    row.ends.push_back(row.text.size());
  }
  row.raw = record.raw;
}

inline const csv_record &guessed_table::replay(const buffered_row &row) {
  replayed_.line = row.line;
  replayed_.quote_line = row.quote_line;
  replayed_.status = row.status;
  replayed_.fields.clear();
  size_t start = 0;
  for (size_t end : row.ends) {
    replayed_.fields.emplace_back(row.text.data() + start, end - start);
    start = end;
  }
  replayed_.raw = row.raw;
  return replayed_;
}

inline void guessed_table::read_sample(size_t width) {
  width_ = width;
  size_t rows = 0, bytes = 0;
  while (rows < sample_rows && bytes < sample_bytes) {
    if (!reader_.next(record_)) {
      exhausted_ = true;
      break;
    }
    buffered_.emplace_back();
    keep(buffered_.back(), record_);
    bytes += buffered_.back().text.size() + buffered_.back().raw.size();
    ++rows;
  }
}

inline bool guessed_table::fits(const std::vector<std::string_view> &fields) const noexcept {
  if (fields.size() < width_) return false;
  // Trailing delimiters (one per row in some exports) add empty fields.
  return std::all_of(fields.begin() + static_cast<std::ptrdiff_t>(width_), fields.end(),
                     [](std::string_view f) { return f.empty(); });
}

inline std::vector<std::string> guessed_table::read_names_and_sample(std::string_view what) {
  const csv_record &header = read_header(what);
  const size_t blank_lines = buffered_.size(); // blank lines before the header
  buffered_row first;
  keep(first, header);
  std::vector<std::string> names = unique_column_names(header.fields);
  read_sample(names.size());
  std::vector<std::vector<std::string_view>> columns(names.size());
  for (size_t c = 0; c < names.size(); ++c)
    columns[c] = sample_values(c);
  if (!first_row_is_data(replay(first).fields, columns)) return names;
  headerless_ = true;
  first_line_ = first.line;
  buffered_.insert(buffered_.begin() + static_cast<std::ptrdiff_t>(blank_lines), std::move(first));
  for (size_t c = 0; c < names.size(); ++c)
    names[c] = "column_" + std::to_string(c + 1);
  return names;
}

inline std::vector<std::string_view> guessed_table::sample_values(size_t column) const {
  std::vector<std::string_view> values;
  for (const buffered_row &row : buffered_) {
    // A ragged row says nothing about its columns.
    if (row.status != csv_status::ok || row.ends.size() < width_ || column >= width_) continue;
    bool trailing_blank = true;
    for (size_t c = std::max<size_t>(width_, 1); c < row.ends.size(); ++c)
      trailing_blank = trailing_blank && row.ends[c] == row.ends[c - 1];
    if (!trailing_blank) continue;
    size_t start = column ? row.ends[column - 1] : 0;
    values.emplace_back(row.text.data() + start, row.ends[column] - start);
  }
  return values;
}

inline void guessed_table::guess(std::vector<table_column> columns, const rebuy::options &options) {
  if (columns.size() != width_) throw std::logic_error("guessed_table: columns differ from width");
  names_.clear();
  labels_.clear();
  for (table_column &c : columns) {
    names_.push_back(std::move(c.name));
    labels_.push_back(std::move(c.label));
  }
  suffixes_.assign(names_.size(), std::string());
  missing_.assign(names_.size(), {});

  std::vector<column_sample> samples(names_.size());
  for (size_t c = 0; c < names_.size(); ++c) {
    samples[c].header = names_[c];
    samples[c].label = labels_[c];
    samples[c].known = columns[c].known;
    samples[c].values = sample_values(c);
  }
  guesses_ = guess_columns(samples, headerless_ ? header_row::absent : header_row::present);
  roles_.clear();
  for (const column_guess &g : guesses_)
    roles_.push_back(g.role);
  const std::vector<rebuy_role> guessed = roles_;

  // An override may name a column by its label ("How likely are you to
  // recommend us?"): it stands for the column's name. Names win over labels.
  std::vector<std::string> values;
  std::vector<std::string_view> keys;
  for (const auto &[key, value] : options.items()) {
    keys.push_back(key);
    values.push_back(value);
    if (key != "map" && key != "attribute" && key != "scale") continue;
    size_t eq = key == "attribute" ? std::string::npos : value.find('=');
    if (key == "map" && eq == std::string::npos) continue; // apply_role_overrides says why
    size_t from = key == "map" ? eq + 1 : 0;
    size_t to = key == "scale" ? eq : std::string::npos;
    if (key == "scale" && eq == std::string::npos)
      throw rebuy::error("\"scale " + value + "\" is not COLUMN=RANGE, e.g. Score=1-10");
    std::string_view column = trim_ascii(std::string_view(value).substr(from, to - from));
    bool named = std::any_of(names_.begin(), names_.end(),
                             [&](const std::string &n) { return ascii_iequals(n, column); });
    if (named) continue;
    auto label = std::find_if(labels_.begin(), labels_.end(), [&](const std::string &l) {
      return !l.empty() && ascii_iequals(trim_ascii(l), column);
    });
    if (label == labels_.end()) continue;
    const std::string &name = names_[size_t(label - labels_.begin())];
    values.back() = key == "scale" ? name + value.substr(eq) : value.substr(0, from) + name;
  }
  std::vector<rebuy_option> resolved;
  for (size_t i = 0; i < keys.size(); ++i)
    resolved.push_back({to_str(keys[i]), to_str(values[i])});
  rebuy::options overrides(resolved.data(), resolved.size());
  apply_role_overrides(names_, roles_, overrides);
  apply_scales(overrides, guessed);
}

// A column the user mapped gets the scale its values show; --scale sets one
// outright. A rating off the 1-5 scale carries its maximum on every record,
// unless a column of the file already gives it.
inline void guessed_table::apply_scales(const rebuy::options &options,
                                        const std::vector<rebuy_role> &guessed) {
  for (size_t c = 0; c < names_.size(); ++c) {
    column_guess &g = guesses_[c];
    if (roles_[c] == guessed[c]) continue;
    g.reason = roles_[c] == REBUY_ROLE_ATTRIBUTE ? "unmapped by the user" : "mapped by the user";
    g.scale.reset();
    g.suggested.clear();
    if (roles_[c] == REBUY_ROLE_NPS) {
      g.scale = value_scale{0, 10, value_scale::steps::whole};
    } else if (roles_[c] == REBUY_ROLE_RATING || roles_[c] == REBUY_ROLE_CSAT ||
               roles_[c] == REBUY_ROLE_CES) {
      g.scale = profile_values(sample_values(c)).scale_up_to(100, roles_[c] != REBUY_ROLE_RATING);
    }
  }
  for (std::string_view spec : options.all("scale")) {
    size_t eq = spec.find('=');
    std::string option = "scale " + std::string(spec);
    size_t c = detail::find_column(names_, trim_ascii(spec.substr(0, eq)), option);
    std::optional<value_scale> scale = parse_scale(spec.substr(eq + 1));
    if (!scale)
      throw rebuy::error("\"" + option + "\": the range must be MAX or MIN-MAX, e.g. 10 or 0-10");
    if (roles_[c] == REBUY_ROLE_NPS && !(*scale == value_scale{0, 10, scale->step}))
      throw rebuy::error("\"" + option +
                         "\": NPS is 0-10 by definition; map the column to "
                         "another role to read it on another scale");
    guesses_[c].scale = scale;
    guesses_[c].reason +=
        guesses_[c].reason.empty() ? "scale set by the user" : "; scale set by the user";
  }

  rating_column_.reset();
  rating_max_.clear();
  auto rating = std::find(roles_.begin(), roles_.end(), REBUY_ROLE_RATING);
  bool max_given = std::find(roles_.begin(), roles_.end(), REBUY_ROLE_RATING_MAX) != roles_.end();
  if (rating == roles_.end() || max_given) return;
  size_t c = size_t(rating - roles_.begin());
  const std::optional<value_scale> &scale = guesses_[c].scale;
  if (!scale || scale->max == 5) return; // 5 is what a rating without its maximum means
  rating_column_ = c;
  rating_max_ = short_number(scale->max);
  rating_max_name_ = "(scale of " + names_[c] + ": " + describe_scale(*scale) + ")";
}

inline bool guessed_table::missing(size_t column, std::string_view value) const {
  if (is_missing_marker(value)) return true;
  const std::vector<std::string> &placeholders = guesses_[column].placeholders;
  return !placeholders.empty() &&
         std::find(placeholders.begin(), placeholders.end(), value) != placeholders.end();
}

inline source_description guessed_table::describe(std::string source,
                                                  rebuy_record_kind kind) const {
  source_description d{std::move(source), kind, {}};
  for (size_t c = 0; c < names_.size(); ++c) {
    d.columns.emplace_back(names_[c], roles_[c]);
    column_note note;
    const column_guess &g = guesses_[c];
    if (g.scale && roles_[c] != REBUY_ROLE_ATTRIBUTE) note.scale = describe_scale(*g.scale);
    note.reason = g.reason;
    if (roles_[c] == REBUY_ROLE_ATTRIBUTE)
      for (rebuy_role r : g.suggested)
        note.suggestion += (note.suggestion.empty() ? "--map " : " or --map ") +
                           std::string(role_name(r)) + "=\"" + names_[c] + "\"";
    for (const auto &[marker, count] : missing_[c])
      note.missing += (note.missing.empty() ? "" : ", ") + ("\"" + marker + "\" x") +
                      detail::guess::count_text(count);
    d.notes.push_back(std::move(note));
  }
  if (headerless_)
    d.note = "no header row: line " + std::to_string(first_line_) +
             " is data, so the columns are named column_1 to column_" +
             std::to_string(names_.size()) + " and their roles read off the values";
  return d;
}

inline void
guessed_table::warn_unknown_options(const rebuy::options &options,
                                    std::initializer_list<std::string_view> known) const {
  for (const auto &item : options.items()) {
    const std::string &key = item.first;
    if (key != "map" && key != "attribute" && key != "scale" &&
        std::find(known.begin(), known.end(), key) == known.end())
      host_.warn("ignoring unknown option \"" + key + "\"");
  }
}

inline bool guessed_table::screen(batch_builder &out, const csv_record &row) {
  switch (row.status) {
  case csv_status::blank:
    out.skip(row.line, "blank line");
    return false;
  case csv_status::unterminated_quote:
    out.reject(row.line,
               "unterminated quoted field starting at line " + std::to_string(row.quote_line),
               row.raw);
    return false;
  case csv_status::too_many_bytes:
    out.reject(row.line, "row longer than " + byte_size(reader_.limits().max_record_bytes),
               row.raw);
    return false;
  case csv_status::too_many_fields:
    out.reject(row.line,
               "row has more than " + std::to_string(reader_.limits().max_fields) + " fields",
               row.raw);
    return false;
  case csv_status::ok:
    break;
  }
  if (!fits(row.fields)) {
    out.reject(row.line,
               "expected " + std::to_string(width_) + " fields, found " +
                   std::to_string(row.fields.size()),
               row.raw);
    return false;
  }
  return true;
}

inline bool guessed_table::emit(batch_builder &out, const csv_record &row, rebuy_record_kind kind,
                                const std::vector<rebuy_role> *roles) {
  const std::vector<rebuy_role> &role_of = roles ? *roles : roles_;
  out.begin_record(row.line, kind);
  size_t fields = 0;
  bool rated = false;
  for (size_t c = 0; c < names_.size(); ++c) {
    std::string_view value = row.fields[c];
    rebuy_role role = role_of[c];
    if (role != REBUY_ROLE_ATTRIBUTE) {
      value = trim_ascii(value); // attributes stay verbatim
      if (missing(c, value)) {
        // "NA" is no answer and no text; the cell is kept as written.
        count_missing(c, value);
        role = REBUY_ROLE_ATTRIBUTE;
        value = row.fields[c];
      }
    }
    if (value.empty()) continue;
    if (role == REBUY_ROLE_TEXT || role == REBUY_ROLE_TITLE)
      value = decode_html_entities(value, decoded_);
    if (!suffixes_[c].empty()) {
      suffixed_.assign(trim_ascii(value)).append(" ").append(suffixes_[c]);
      value = suffixed_;
    }
    out.field(role, names_[c], value);
    rated = rated || (role == REBUY_ROLE_RATING && rating_column_ == c);
    ++fields;
  }
  if (fields == 0) {
    // A row of nothing but delimiters (spreadsheets pad exports with them)
    // would be an empty response: skip it, visibly.
    out.cancel_record();
    out.skip(row.line, "empty row: every field is blank", row.raw);
    return false;
  }
  if (rated) out.field(REBUY_ROLE_RATING_MAX, rating_max_name_, rating_max_);
  return true;
}

inline void guessed_table::count_missing(size_t column, std::string_view marker) {
  auto &seen = missing_[column];
  for (auto &[text, count] : seen)
    if (text == marker) {
      ++count;
      return;
    }
  if (seen.size() < 32) seen.emplace_back(std::string(marker), 1);
}

template <class OnRow>
bool guessed_table::read_batch(batch_builder &out, size_t max_rows, OnRow &&on_row) {
  host_.check_cancelled();
  size_t target = out.row_count() + std::max<size_t>(max_rows, 1);
  while (out.row_count() < target) {
    if (next_buffered_ < buffered_.size()) {
      const csv_record &row = replay(buffered_[next_buffered_++]);
      if (screen(out, row)) on_row(out, row);
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
    if (screen(out, record_)) on_row(out, record_);
  }
  // size_hint counts the source's bytes, which decoding may have changed:
  // never report more than all of it.
  uint64_t done = reader_.bytes_consumed();
  host_.progress(size_hint_ ? std::min(done, size_hint_) : done, size_hint_);
  return !(exhausted_ && buffered_.empty());
}

} // namespace rebuy

#endif // REBUY_GUESSED_TABLE_HPP
