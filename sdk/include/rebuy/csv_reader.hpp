// rebuy plugin SDK: a streaming RFC 4180 record reader over rebuy::input.
//
// Most exports are delimited text, so every importer of one shares this
// reader: LF, CRLF, bare CR and mixed line ends; quoted fields with line
// breaks and doubled quotes; physical line numbers for rejects; hostile
// input bounded by csv_limits. The input is read in fixed chunks and never
// held whole, so memory stays flat however large the file is.
//
//   rebuy::csv_reader reader(input);
//   reader.set_delimiter(rebuy::detect_delimiter(reader.peek(64 << 10)));
//   rebuy::csv_record row;
//   while (reader.next(row)) { if (row.status == rebuy::csv_status::ok) use(row.fields); }
#ifndef REBUY_CSV_READER_HPP
#define REBUY_CSV_READER_HPP

#include <rebuy/plugin.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy {

// How a record ended.
enum class csv_status {
  ok,
  blank,              // a physical line with no characters at all
  unterminated_quote, // a quoted field was still open at the end of the input
  too_many_bytes,     // longer than limits::max_record_bytes; fields are truncated
  too_many_fields,    // more than limits::max_fields; the extra fields are dropped
};

// One record. Every view stays valid until the reader's next call to next().
struct csv_record {
  uint64_t line = 0;       // 1-based physical line where the record starts
  uint64_t quote_line = 0; // where the unterminated quoted field opened
  csv_status status = csv_status::ok;
  std::vector<std::string_view> fields; // reused: assign into the same record
  std::string_view raw;                 // the record's text without its line end, capped
};

// Hostile input must not make memory grow without bound: a record beyond
// these limits is still consumed to its end, but reported instead of stored.
struct csv_limits {
  size_t chunk_bytes = size_t{1} << 20;       // one read() from the input, at most
  size_t max_record_bytes = size_t{64} << 20; // unescaped field text of one record
  size_t max_fields = 100000;                 // fields in one record
  size_t max_raw_bytes = 4096;                // raw text kept for a reject
};

// The delimiter the header line uses: whichever of comma, tab and semicolon
// occurs most often outside quotes in the first record of `head`. Ties and a
// header without any of them (a single column) give a comma.
inline char detect_delimiter(std::string_view head) noexcept;

class csv_reader {
public:
  explicit csv_reader(const rebuy::input &in, csv_limits limits = {});
  csv_reader(const csv_reader &) = delete;
  csv_reader &operator=(const csv_reader &) = delete;

  // Reads until `bytes` are buffered (or the input ends) and returns the
  // first `bytes` of what is not consumed, fewer only at the end of the input,
  // so the caller can look at the head of the file before choosing a
  // delimiter: the same head however the input's reads are sized. Call before
  // the first next().
  std::string_view peek(size_t bytes);
  // Skips a UTF-8 byte order mark at the current position, if there is one.
  void skip_bom();
  void set_delimiter(char delimiter) noexcept;
  char delimiter() const noexcept { return delimiter_; }

  // Reads the next record; false at the end of the input. A line end right
  // before the end of the input ends the last record and is not a record.
  bool next(csv_record &out);

  uint64_t bytes_consumed() const noexcept { return consumed_before_ + pos_; }
  const csv_limits &limits() const noexcept { return limits_; }

private:
  enum class state { field_start, unquoted, quoted, quote_in_quoted };

  bool refill();
  void save_raw(size_t until);
  void append_field(const char *p, size_t n);
  void end_field();
  void count_quoted_line_breaks(const char *p, size_t n) noexcept;
  void finish(csv_record &out, size_t record_end);

  rebuy::input in_;
  csv_limits limits_;
  char delimiter_ = ',';
  // Bytes that end an unquoted run (the delimiter, CR, LF): one table lookup
  // per byte in the hot loop instead of three comparisons.
  std::array<bool, 256> stops_{};

  // The current chunk: bytes [pos_, end_) of buf_ are not consumed yet.
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t consumed_before_ = 0; // bytes of earlier chunks
  bool eof_ = false;
  // The previous record ended on CR; an LF that follows belongs to it, even
  // when it arrives in the next chunk.
  bool skip_lf_ = false;
  uint64_t line_ = 1; // physical line of the next unconsumed byte

  // The record being built; reused so steady-state parsing does not allocate.
  std::string field_text_;
  std::vector<size_t> field_ends_;
  // The raw text is only needed when a record is rejected, so it is not
  // copied while parsing: it is buf_[raw_from_, end of record) unless the
  // record crossed a chunk boundary, which saves the earlier part in raw_.
  std::string raw_;
  size_t raw_from_ = 0;
  bool raw_saved_ = false;
  bool in_record_ = false;
  csv_status status_ = csv_status::ok;
  bool prev_cr_ = false; // inside a quoted field: the last byte was CR
  uint64_t quote_line_ = 0;
};

inline char detect_delimiter(std::string_view head) noexcept {
  size_t commas = 0, tabs = 0, semicolons = 0;
  bool quoted = false;
  for (char c : head) {
    if (c == '"') {
      quoted = !quoted; // a doubled quote toggles twice, which is right
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      commas += c == ',';
      tabs += c == '\t';
      semicolons += c == ';';
    }
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas && semicolons > tabs) return ';';
  return ',';
}

inline csv_reader::csv_reader(const rebuy::input &in, csv_limits limits)
    : in_(in), limits_(limits), buf_(in.chunk_size(limits.chunk_bytes)) {
  set_delimiter(',');
}

inline void csv_reader::set_delimiter(char delimiter) noexcept {
  delimiter_ = delimiter;
  stops_.fill(false);
  stops_[static_cast<unsigned char>(delimiter)] = true;
  stops_['\r'] = true;
  stops_['\n'] = true;
}

inline bool csv_reader::refill() {
  if (in_record_) {
    save_raw(end_);
    raw_from_ = 0;
  }
  consumed_before_ += end_;
  pos_ = end_ = 0;
  if (eof_) return false;
  size_t n = in_.read(buf_.data(), buf_.size());
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ = std::min(n, buf_.size()); // never trust a reader to respect capacity
  return true;
}

inline std::string_view csv_reader::peek(size_t bytes) {
  while (end_ - pos_ < bytes && !eof_) {
    if (end_ == buf_.size()) {
      if (pos_ > 0) { // make room by dropping what was consumed
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        consumed_before_ += pos_;
        end_ -= pos_;
        pos_ = 0;
      } else {
        buf_.resize(std::max(buf_.size() * 2, bytes));
      }
    }
    size_t n = in_.read(buf_.data() + end_, buf_.size() - end_);
    if (n == 0) eof_ = true;
    end_ += std::min(n, buf_.size() - end_);
  }
  return {buf_.data() + pos_, std::min(bytes, end_ - pos_)};
}

inline void csv_reader::skip_bom() {
  std::string_view head = peek(3);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") pos_ += 3;
}

inline void csv_reader::save_raw(size_t until) {
  raw_saved_ = true;
  if (raw_.size() < limits_.max_raw_bytes && until > raw_from_)
    raw_.append(buf_.data() + raw_from_,
                std::min(until - raw_from_, limits_.max_raw_bytes - raw_.size()));
}

inline void csv_reader::append_field(const char *p, size_t n) {
  if (status_ != csv_status::ok) return; // already reported; only find the end
  if (field_text_.size() + n > limits_.max_record_bytes) {
    status_ = csv_status::too_many_bytes;
    return;
  }
  field_text_.append(p, n);
}

inline void csv_reader::end_field() {
  if (status_ != csv_status::ok) return;
  if (field_ends_.size() == limits_.max_fields) {
    status_ = csv_status::too_many_fields;
    return;
  }
  field_ends_.push_back(field_text_.size());
}

// Line breaks inside a quoted field still advance the physical line: CR, LF
// and CRLF count once each, also when CRLF straddles two chunks.
inline void csv_reader::count_quoted_line_breaks(const char *p, size_t n) noexcept {
  // Most quoted text has no line break: two vectorised scans prove it.
  const char *lf = static_cast<const char *>(std::memchr(p, '\n', n));
  const char *cr = static_cast<const char *>(std::memchr(p, '\r', lf ? size_t(lf - p) : n));
  if (!lf && !cr) {
    if (n) prev_cr_ = false;
    return;
  }
  size_t first = static_cast<size_t>((cr ? cr : lf) - p);
  if (first) prev_cr_ = false;
  for (size_t i = first; i < n; ++i) {
    char c = p[i];
    if (c == '\r') {
      ++line_;
      prev_cr_ = true;
    } else {
      if (c == '\n' && !prev_cr_) ++line_;
      prev_cr_ = false;
    }
  }
}

inline void csv_reader::finish(csv_record &out, size_t record_end) {
  in_record_ = false;
  if (raw_saved_) {
    save_raw(record_end);
    out.raw = raw_;
  } else {
    out.raw = std::string_view(buf_.data() + raw_from_,
                               std::min(record_end - raw_from_, limits_.max_raw_bytes));
  }
  out.fields.clear();
  size_t start = 0;
  for (size_t end : field_ends_) {
    out.fields.emplace_back(field_text_.data() + start, end - start);
    start = end;
  }
  out.status = status_;
  out.quote_line = status_ == csv_status::unterminated_quote ? quote_line_ : 0;
}

inline bool csv_reader::next(csv_record &out) {
  field_text_.clear();
  field_ends_.clear();
  raw_.clear();
  raw_saved_ = false;
  in_record_ = false;
  status_ = csv_status::ok;

  if (skip_lf_) {
    if (pos_ == end_ && !refill()) return false;
    if (buf_[pos_] == '\n') ++pos_;
    skip_lf_ = false;
  }
  if (pos_ == end_ && !refill()) return false;

  out.line = line_;
  raw_from_ = pos_;
  in_record_ = true;
  state st = state::field_start;
  bool any = false; // consumed a byte of this record other than its line end
  for (;;) {
    if (pos_ == end_ && !refill()) break;
    const char *b = buf_.data();
    switch (st) {
    case state::field_start:
      if (b[pos_] == '"') {
        ++pos_;
        any = true;
        quote_line_ = line_;
        prev_cr_ = false;
        st = state::quoted;
        break;
      }
      st = state::unquoted;
      [[fallthrough]];
    case state::unquoted: {
      // A stray quote inside an unquoted field is kept literally (as Excel does).
      size_t i = pos_;
      while (i < end_ && !stops_[static_cast<unsigned char>(b[i])])
        ++i;
      if (i > pos_) {
        append_field(b + pos_, i - pos_);
        any = true;
        pos_ = i;
      }
      if (i == end_) break; // the field goes on in the next chunk
      char c = b[pos_++];
      end_field();
      if (c == delimiter_) {
        any = true;
        st = state::field_start;
        break;
      }
      ++line_;
      skip_lf_ = c == '\r';
      if (!any) status_ = csv_status::blank;
      finish(out, pos_ - 1);
      return true;
    }
    case state::quoted: {
      const char *start = b + pos_;
      size_t n = end_ - pos_;
      const char *q = static_cast<const char *>(std::memchr(start, '"', n));
      if (q) n = static_cast<size_t>(q - start);
      count_quoted_line_breaks(start, n);
      append_field(start, n);
      pos_ += n;
      if (q) {
        ++pos_;
        st = state::quote_in_quoted;
      }
      break;
    }
    case state::quote_in_quoted:
      if (b[pos_] == '"') { // a doubled quote is one literal quote
        append_field(b + pos_, 1);
        ++pos_;
        prev_cr_ = false;
        st = state::quoted;
      } else {
        // The field ended; anything but a delimiter or line end that follows
        // is kept literally, like Excel reads `"abc"def` as abcdef.
        st = state::unquoted;
      }
      break;
    }
  }
  // The input ended inside this record.
  if (!any) return false;
  if (st == state::quoted) status_ = csv_status::unterminated_quote;
  end_field();
  finish(out, end_);
  return true;
}

} // namespace rebuy

#endif // REBUY_CSV_READER_HPP
