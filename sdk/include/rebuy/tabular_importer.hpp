// rebuy plugin SDK: a base for importers of delimited text with a known header.
//
// Review sites, post-purchase tools and shops export CSV or TSV whose header
// names the columns. Such an importer is a table of layouts (which headers
// identify the export, which column plays which role) plus a probe and its
// special rules; this base does the rest exactly as the generic csv importer:
// the header read with rebuy::csv_reader and named with unique_column_names,
// the user's --map overrides, ragged rows rejected ("expected N fields, found
// M"), blank lines and rows of blanks skipped visibly, HTML entities decoded
// in titles and texts, progress reported.
//
//   const std::vector<rebuy::tabular_layout> layouts = {{"Trustpilot", "trustpilot",
//       REBUY_RECORD_REVIEW, 90, {"Review Created (UTC)", "Review Stars"},
//       {{"Review Id", REBUY_ROLE_ID}, {"Review Stars", REBUY_ROLE_RATING}}}};
//   class my_importer : public rebuy::tabular_importer {
//   public:
//     my_importer(const rebuy::host &h, const rebuy::input &in, const rebuy::options &o)
//         : tabular_importer(h, in, "trustpilot") { use_layout(layouts, o); }
//     static int probe(std::string_view head, std::string_view) {
//       return rebuy::probe_layouts(head, layouts);
//     }
//   };
#ifndef REBUY_TABULAR_IMPORTER_HPP
#define REBUY_TABULAR_IMPORTER_HPP

#include <rebuy/column_mapping.hpp>
#include <rebuy/csv_reader.hpp>
#include <rebuy/plugin.hpp>
#include <rebuy/string_input.hpp>
#include <rebuy/text_util.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy {

// Header names as exports spell them: two names are the same when their
// letters and digits are (ASCII case ignored), so "Review ID", "review_id" and
// "ReviewId" are one name. `names` may list aliases separated by '|'.
inline bool header_is(std::string_view header, std::string_view names) noexcept;

// A column's role by its header name (aliases separated by '|').
struct column_rule {
  std::string_view names;
  rebuy_role role;
};

// One known export layout.
struct tabular_layout {
  std::string_view name;   // for messages: "Judge.me"
  std::string_view source; // the suggested source name: "judgeme"
  rebuy_record_kind kind;
  int confidence; // what probe answers when the signature is present
  // Headers that identify the layout: all must be present. Empty matches any.
  std::vector<std::string_view> signature;
  // Roles by header. A non-repeating role goes to the first rule and column
  // that match; columns without a rule are attributes.
  std::vector<column_rule> columns;
};

// The index of the first column matching `names`, or npos.
inline size_t find_header(const std::vector<std::string> &header, std::string_view names) noexcept;
// The first layout whose signature the header has, or nullptr.
inline const tabular_layout *match_layout(const std::vector<std::string> &header,
                                          const std::vector<tabular_layout> &layouts) noexcept;
// The column names of the first non-blank record of `head`, the start of a
// delimited text; empty when there is none or it is not text.
inline std::vector<std::string> head_header(std::string_view head);
// The confidence of the first layout that matches the header of `head`, or 0.
inline int probe_layouts(std::string_view head, const std::vector<tabular_layout> &layouts);

class tabular_importer : public importer {
public:
  tabular_importer(const tabular_importer &) = delete;
  tabular_importer &operator=(const tabular_importer &) = delete;

  source_description describe() const override;
  bool read_batch(batch_builder &out, size_t max_rows) override;

  const std::vector<std::string> &column_names() const noexcept { return names_; }
  const std::vector<rebuy_role> &roles() const noexcept { return roles_; }
  const tabular_layout &layout() const noexcept { return *layout_; }
  char delimiter() const noexcept { return reader_.delimiter(); }

protected:
  // A data row as wide as the header; its views stay valid until the next row.
  struct row {
    uint64_t line = 0;
    std::vector<std::string_view> fields; // one per column, trailing empties dropped
    std::string_view raw;
  };

  // Reads through the header. `plugin` starts warnings (the host names the
  // plugin in front of errors itself). With
  // quoted=false a '"' is an ordinary character (exports that never quote,
  // where a review may start with a quote it never closes).
  tabular_importer(const rebuy::host &host, const rebuy::input &input, std::string_view plugin,
                   bool quoted = true, csv_limits limits = {});

  // Every derived constructor calls this once. Maps the columns by the first
  // layout whose signature the header has (throws naming what each layout
  // lacks when none has), then applies the user's map= and attribute=
  // options. Options other than those and `own_options` are warned about.
  void use_layout(const std::vector<tabular_layout> &layouts, const rebuy::options &options,
                  std::initializer_list<std::string_view> own_options = {});

  // Turns one row into exactly one record, reject or skip. The default emits
  // every column; a plugin overrides it for its special rules and may point
  // fields of `r` at its own storage first.
  virtual void emit_row(batch_builder &out, row &r) { emit_columns(out, r); }
  // Begins a record of the layout's kind with every non-empty column, roles
  // trimmed, titles and texts HTML-decoded, attributes verbatim. A row of
  // blanks is skipped instead and the result is false.
  bool emit_columns(batch_builder &out, const row &r);
  // Adds every non-empty column, as above, to the record begun last; returns
  // how many. For a plugin that begins the record with fields of its own.
  size_t add_columns(batch_builder &out, const row &r);
  // Drops the record begun last, which has no fields, as a visible skip.
  void skip_empty(batch_builder &out, const row &r);

  // The column the role is mapped to, or npos.
  size_t column(rebuy_role role) const noexcept;
  // The trimmed value of the role's column; empty when there is none.
  std::string_view value(const row &r, rebuy_role role) const noexcept;

private:
  void read_header();
  void emit(batch_builder &out);
  void restore_quotes();
  static int64_t read_unquoted(void *context, char *buffer, size_t capacity) noexcept;

  // With quoted=false the reader sees '"' as 0xFF, a byte valid UTF-8 never
  // has, and values get their quotes back.
  static constexpr char hidden_quote = '\xFF';

  rebuy::host host_;
  std::string plugin_;
  rebuy::input source_;
  bool quoted_;
  rebuy_input unquoted_{}; // the source with quotes hidden, when !quoted_
  csv_reader reader_;
  uint64_t size_hint_;

  std::vector<std::string> names_;
  std::vector<rebuy_role> roles_;
  const tabular_layout *layout_ = nullptr;

  std::vector<uint64_t> blank_lines_; // above the header, reported first
  size_t next_blank_ = 0;
  bool exhausted_ = false;
  csv_record record_;
  row row_;
  std::string restored_, restored_raw_; // fields and raw text with quotes back
  std::string decoded_;                 // an HTML-decoded value
};

// ---- implementation --------------------------------------------------------

namespace detail {

// Letters, digits and every byte of a non-ASCII character count; ASCII
// spaces and punctuation do not.
inline bool header_char(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         static_cast<unsigned char>(c) >= 0x80;
}

inline bool same_header(std::string_view a, std::string_view b) noexcept {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && !header_char(a[i]))
      ++i;
    while (j < b.size() && !header_char(b[j]))
      ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (!ascii_iequals(a.substr(i, 1), b.substr(j, 1))) return false;
    ++i, ++j;
  }
}

inline std::string byte_size(size_t bytes) {
  if (bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// The delimiter of the header, which may follow blank lines.
inline char header_delimiter(std::string_view head) noexcept {
  size_t start = head.find_first_not_of("\r\n");
  return detect_delimiter(start == std::string_view::npos ? std::string_view()
                                                          : head.substr(start));
}

// The host probes with up to 64 KiB; delimiter detection looks at as much.
constexpr size_t tabular_head_bytes = size_t{64} << 10;

} // namespace detail

inline bool header_is(std::string_view header, std::string_view names) noexcept {
  for (;;) {
    size_t bar = names.find('|');
    if (detail::same_header(header, names.substr(0, bar))) return true;
    if (bar == std::string_view::npos) return false;
    names.remove_prefix(bar + 1);
  }
}

inline size_t find_header(const std::vector<std::string> &header, std::string_view names) noexcept {
  for (size_t i = 0; i < header.size(); ++i)
    if (header_is(header[i], names)) return i;
  return std::string_view::npos;
}

inline const tabular_layout *match_layout(const std::vector<std::string> &header,
                                          const std::vector<tabular_layout> &layouts) noexcept {
  for (const tabular_layout &layout : layouts)
    if (std::all_of(layout.signature.begin(), layout.signature.end(), [&](std::string_view s) {
          return find_header(header, s) != std::string_view::npos;
        }))
      return &layout;
  return nullptr;
}

inline std::vector<std::string> head_header(std::string_view head) {
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || head[first] == '{' || head[first] == '[') return {};
  if (head.find('\0') != std::string_view::npos) return {};
  string_input text(head);
  csv_limits limits;
  limits.chunk_bytes = detail::tabular_head_bytes;
  csv_reader reader(rebuy::input(text.get()), limits);
  reader.skip_bom();
  reader.set_delimiter(detail::header_delimiter(reader.peek(detail::tabular_head_bytes)));
  csv_record record;
  do {
    if (!reader.next(record)) return {};
  } while (record.status == csv_status::blank);
  if (record.status != csv_status::ok) return {};
  return unique_column_names(record.fields);
}

inline int probe_layouts(std::string_view head, const std::vector<tabular_layout> &layouts) {
  const tabular_layout *layout = match_layout(head_header(head), layouts);
  return layout ? layout->confidence : 0;
}

inline tabular_importer::tabular_importer(const rebuy::host &host, const rebuy::input &input,
                                          std::string_view plugin, bool quoted, csv_limits limits)
    : host_(host), plugin_(plugin), source_(input), quoted_(quoted),
      unquoted_{sizeof(rebuy_input), this, {}, 0, &tabular_importer::read_unquoted},
      reader_(quoted ? input : rebuy::input(&unquoted_), limits), size_hint_(input.size_hint()) {
  reader_.skip_bom(); // the host removes it already; a second one would corrupt the first name
  reader_.set_delimiter(detail::header_delimiter(reader_.peek(detail::tabular_head_bytes)));
  read_header();
}

inline int64_t tabular_importer::read_unquoted(void *context, char *buffer,
                                               size_t capacity) noexcept {
  auto *self = static_cast<tabular_importer *>(context);
  try {
    size_t n = self->source_.read(buffer, capacity);
    std::replace(buffer, buffer + n, '"', hidden_quote);
    return static_cast<int64_t>(n);
  } catch (...) {
    return -1;
  }
}

inline void tabular_importer::read_header() {
  for (;;) {
    if (!reader_.next(record_)) throw error("the input is empty: no header line");
    if (record_.status != csv_status::blank) break;
    blank_lines_.push_back(record_.line); // rows of the file too: report them
  }
  std::string where = "the header on line " + std::to_string(record_.line);
  switch (record_.status) {
  case csv_status::unterminated_quote:
    throw error(where + " never ends: unterminated quoted field starting at line " +
                std::to_string(record_.quote_line));
  case csv_status::too_many_bytes:
    throw error(where + " is longer than " + detail::byte_size(reader_.limits().max_record_bytes));
  case csv_status::too_many_fields:
    throw error(where + " has more than " + std::to_string(reader_.limits().max_fields) +
                " columns");
  case csv_status::ok:
  case csv_status::blank:
    break;
  }
  restore_quotes();
  names_ = unique_column_names(row_.fields);
}

inline void tabular_importer::use_layout(const std::vector<tabular_layout> &layouts,
                                         const rebuy::options &options,
                                         std::initializer_list<std::string_view> own_options) {
  for (const auto &item : options.items())
    if (item.first != "map" && item.first != "attribute" &&
        std::find(own_options.begin(), own_options.end(), item.first) == own_options.end())
      host_.warn(plugin_ + ": ignoring unknown option \"" + item.first + "\"");

  layout_ = match_layout(names_, layouts);
  if (!layout_) {
    std::string message = "the header is not one this importer reads;";
    for (const tabular_layout &layout : layouts) {
      message += " " + std::string(layout.name) + " needs";
      for (std::string_view s : layout.signature)
        if (find_header(names_, s) == std::string_view::npos)
          message += " \"" + std::string(s.substr(0, s.find('|'))) + "\"";
      message += ";";
    }
    throw error(message + " the columns are: " + detail::column_list(names_));
  }

  roles_.assign(names_.size(), REBUY_ROLE_ATTRIBUTE);
  std::vector<bool> taken(names_.size(), false);
  for (const column_rule &rule : layout_->columns) {
    if (!role_repeats(rule.role) && column(rule.role) != std::string_view::npos) continue;
    // Aliases in the order given: the first is the preferred column.
    for (std::string_view names = rule.names;;) {
      size_t bar = names.find('|');
      size_t c = find_header(names_, names.substr(0, bar));
      if (c != std::string_view::npos && !taken[c]) {
        roles_[c] = rule.role;
        taken[c] = true;
        break;
      }
      if (bar == std::string_view::npos) break;
      names.remove_prefix(bar + 1);
    }
  }
  apply_role_overrides(names_, roles_, options);
}

inline source_description tabular_importer::describe() const {
  source_description d;
  d.source = std::string(layout_->source);
  d.kind = layout_->kind;
  for (size_t c = 0; c < names_.size(); ++c)
    d.columns.emplace_back(names_[c], roles_[c]);
  return d;
}

inline size_t tabular_importer::column(rebuy_role role) const noexcept {
  auto it = std::find(roles_.begin(), roles_.end(), role);
  return it == roles_.end() ? std::string_view::npos : static_cast<size_t>(it - roles_.begin());
}

inline std::string_view tabular_importer::value(const row &r, rebuy_role role) const noexcept {
  size_t c = column(role);
  return c == std::string_view::npos ? std::string_view() : trim_ascii(r.fields[c]);
}

inline bool tabular_importer::emit_columns(batch_builder &out, const row &r) {
  out.begin_record(r.line, layout_->kind);
  if (add_columns(out, r)) return true;
  skip_empty(out, r);
  return false;
}

inline size_t tabular_importer::add_columns(batch_builder &out, const row &r) {
  size_t fields = 0;
  for (size_t c = 0; c < names_.size(); ++c) {
    std::string_view value = r.fields[c];
    rebuy_role role = roles_[c];
    if (role != REBUY_ROLE_ATTRIBUTE) value = trim_ascii(value); // attributes stay verbatim
    if (value.empty()) continue;
    if (role == REBUY_ROLE_TEXT || role == REBUY_ROLE_TITLE)
      value = decode_html_entities(value, decoded_);
    out.field(role, names_[c], value);
    ++fields;
  }
  return fields;
}

// A row of nothing but delimiters (spreadsheets pad exports with them) would
// be an empty record: skip it, visibly.
inline void tabular_importer::skip_empty(batch_builder &out, const row &r) {
  out.cancel_record();
  out.skip(r.line, "empty row: every field is blank", r.raw);
}

// The record's fields and raw text into row_, with hidden quotes restored.
inline void tabular_importer::restore_quotes() {
  row_.line = record_.line;
  row_.fields.assign(record_.fields.begin(), record_.fields.end());
  row_.raw = record_.raw;
  if (quoted_) return;
  size_t total = 0;
  for (std::string_view f : record_.fields)
    total += f.size();
  restored_.resize(total); // sized once, so the views below stay valid
  char *p = restored_.data();
  for (std::string_view &f : row_.fields) {
    char *start = std::replace_copy(f.begin(), f.end(), p, hidden_quote, '"') - f.size();
    f = std::string_view(start, f.size());
    p += f.size();
  }
  restored_raw_.assign(record_.raw);
  std::replace(restored_raw_.begin(), restored_raw_.end(), hidden_quote, '"');
  row_.raw = restored_raw_;
}

inline void tabular_importer::emit(batch_builder &out) {
  const uint64_t line = record_.line;
  switch (record_.status) {
  case csv_status::blank:
    out.skip(line, "blank line");
    return;
  case csv_status::unterminated_quote:
    out.reject(line,
               "unterminated quoted field starting at line " + std::to_string(record_.quote_line),
               record_.raw);
    return;
  case csv_status::too_many_bytes:
    out.reject(line, "row longer than " + detail::byte_size(reader_.limits().max_record_bytes),
               record_.raw);
    return;
  case csv_status::too_many_fields:
    out.reject(line, "row has more than " + std::to_string(reader_.limits().max_fields) + " fields",
               record_.raw);
    return;
  case csv_status::ok:
    break;
  }
  restore_quotes();
  // Trailing delimiters (one per row in some exports) add empty fields.
  const size_t found = row_.fields.size();
  while (row_.fields.size() > names_.size() && row_.fields.back().empty())
    row_.fields.pop_back();
  if (row_.fields.size() != names_.size()) {
    out.reject(line,
               "expected " + std::to_string(names_.size()) + " fields, found " +
                   std::to_string(found),
               row_.raw);
    return;
  }
  emit_row(out, row_);
}

inline bool tabular_importer::read_batch(batch_builder &out, size_t max_rows) {
  host_.check_cancelled();
  const size_t target = out.row_count() + std::max<size_t>(max_rows, 1);
  while (next_blank_ < blank_lines_.size() && out.row_count() < target)
    out.skip(blank_lines_[next_blank_++], "blank line");
  while (!exhausted_ && out.row_count() < target) {
    if (reader_.next(record_))
      emit(out);
    else
      exhausted_ = true;
  }
  // size_hint counts the source's bytes, which decoding may have changed:
  // never report more than all of it.
  uint64_t done = reader_.bytes_consumed();
  host_.progress(size_hint_ ? std::min(done, size_hint_) : done, size_hint_);
  return !exhausted_ || next_blank_ < blank_lines_.size();
}

} // namespace rebuy

#endif // REBUY_TABULAR_IMPORTER_HPP
