// A streaming RFC 4180 record reader over rebuy::input.
//
// The input is read in fixed chunks and never held whole, so memory stays flat
// however large the file is: one chunk, plus the current record's unescaped
// fields, plus a capped copy of its raw text. Fields are string_views into a
// buffer the reader reuses, so parsing allocates nothing per field.
#ifndef REBUY_CSV_CSV_READER_HPP
#define REBUY_CSV_CSV_READER_HPP

#include <rebuy/plugin.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy_csv {

// How a record ended.
enum class record_status {
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
  record_status status = record_status::ok;
  std::span<const std::string_view> fields;
  std::string_view raw; // the record's text without its line end, capped
};

// Hostile input must not make memory grow without bound: a record beyond
// these limits is still consumed to its end, but reported instead of stored.
struct reader_limits {
  size_t chunk_bytes = size_t{1} << 20;       // one read() from the input
  size_t max_record_bytes = size_t{64} << 20; // unescaped field text of one record
  size_t max_fields = 100000;                 // fields in one record
  size_t max_raw_bytes = 4096;                // raw text kept for a reject
};

// The delimiter the header line uses: whichever of comma, tab and semicolon
// occurs most often outside quotes in the first record of `head`. Ties and a
// header without any of them (a single column) give a comma.
char detect_delimiter(std::string_view head) noexcept;

class csv_reader {
public:
  explicit csv_reader(const rebuy::input &in, reader_limits limits = {});
  csv_reader(const csv_reader &) = delete;
  csv_reader &operator=(const csv_reader &) = delete;

  // Reads until `bytes` are buffered (or the input ends) and returns what is
  // buffered but not consumed, so the caller can look at the head of the file
  // before choosing a delimiter. Call before the first next().
  std::string_view peek(size_t bytes);
  // Skips a UTF-8 byte order mark at the current position, if there is one.
  void skip_bom();
  void set_delimiter(char delimiter) noexcept;
  char delimiter() const noexcept { return delimiter_; }

  // Reads the next record; false at the end of the input. A line end right
  // before the end of the input ends the last record and is not a record.
  bool next(csv_record &out);

  uint64_t bytes_consumed() const noexcept { return consumed_before_ + pos_; }
  const reader_limits &limits() const noexcept { return limits_; }

private:
  enum class state { field_start, unquoted, quoted, quote_in_quoted };

  bool refill();
  void save_raw(size_t until);
  void append_field(const char *p, size_t n);
  void end_field();
  void count_quoted_line_breaks(const char *p, size_t n) noexcept;
  void finish(csv_record &out, size_t record_end);

  rebuy::input in_;
  reader_limits limits_;
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
  std::vector<std::string_view> field_views_;
  // The raw text is only needed when a record is rejected, so it is not
  // copied while parsing: it is buf_[raw_from_, end of record) unless the
  // record crossed a chunk boundary, which saves the earlier part in raw_.
  std::string raw_;
  size_t raw_from_ = 0;
  bool raw_saved_ = false;
  bool in_record_ = false;
  record_status status_ = record_status::ok;
  bool prev_cr_ = false; // inside a quoted field: the last byte was CR
  uint64_t quote_line_ = 0;
};

} // namespace rebuy_csv

#endif // REBUY_CSV_CSV_READER_HPP
