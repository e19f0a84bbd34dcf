#include "csv_reader.hpp"

#include <algorithm>
#include <cstring>

namespace rebuy_csv {

char detect_delimiter(std::string_view head) noexcept {
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

csv_reader::csv_reader(const rebuy::input &in, reader_limits limits)
    : in_(in), limits_(limits), buf_(std::max<size_t>(limits.chunk_bytes, 1)) {
  set_delimiter(',');
}

void csv_reader::set_delimiter(char delimiter) noexcept {
  delimiter_ = delimiter;
  stops_.fill(false);
  stops_[static_cast<unsigned char>(delimiter)] = true;
  stops_['\r'] = true;
  stops_['\n'] = true;
}

bool csv_reader::refill() {
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

std::string_view csv_reader::peek(size_t bytes) {
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
  return {buf_.data() + pos_, end_ - pos_};
}

void csv_reader::skip_bom() {
  std::string_view head = peek(3);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") pos_ += 3;
}

void csv_reader::save_raw(size_t until) {
  raw_saved_ = true;
  if (raw_.size() < limits_.max_raw_bytes && until > raw_from_)
    raw_.append(buf_.data() + raw_from_,
                std::min(until - raw_from_, limits_.max_raw_bytes - raw_.size()));
}

void csv_reader::append_field(const char *p, size_t n) {
  if (status_ != record_status::ok) return; // already reported; only find the end
  if (field_text_.size() + n > limits_.max_record_bytes) {
    status_ = record_status::too_many_bytes;
    return;
  }
  field_text_.append(p, n);
}

void csv_reader::end_field() {
  if (status_ != record_status::ok) return;
  if (field_ends_.size() == limits_.max_fields) {
    status_ = record_status::too_many_fields;
    return;
  }
  field_ends_.push_back(field_text_.size());
}

// Line breaks inside a quoted field still advance the physical line: CR, LF
// and CRLF count once each, also when CRLF straddles two chunks.
void csv_reader::count_quoted_line_breaks(const char *p, size_t n) noexcept {
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

void csv_reader::finish(csv_record &out, size_t record_end) {
  in_record_ = false;
  if (raw_saved_) {
    save_raw(record_end);
    out.raw = raw_;
  } else {
    out.raw = std::string_view(buf_.data() + raw_from_,
                               std::min(record_end - raw_from_, limits_.max_raw_bytes));
  }
  field_views_.clear();
  size_t start = 0;
  for (size_t end : field_ends_) {
    field_views_.emplace_back(field_text_.data() + start, end - start);
    start = end;
  }
  out.fields = field_views_;
  out.status = status_;
  out.quote_line = status_ == record_status::unterminated_quote ? quote_line_ : 0;
}

bool csv_reader::next(csv_record &out) {
  field_text_.clear();
  field_ends_.clear();
  raw_.clear();
  raw_saved_ = false;
  in_record_ = false;
  status_ = record_status::ok;

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
      if (!any) status_ = record_status::blank;
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
  if (st == state::quoted) status_ = record_status::unterminated_quote;
  end_field();
  finish(out, end_);
  return true;
}

} // namespace rebuy_csv
