// rebuy plugin SDK: a buffered line reader over rebuy::input.
//
// Line-oriented formats (JSON lines, logs, fixed-width exports) all need the
// same loop: read the decoded input in large chunks, cut it at line ends and
// hand each line out without copying it. line_reader does that with flat
// memory however large the file is:
//
//   rebuy::line_reader lines(input);
//   rebuy::line_reader::line l;
//   while (lines.next(l)) {
//     if (l.too_long) { out.reject(l.number, "line too long", l.text); continue; }
//     use(l.number, l.text);
//   }
//
// - A line ends at LF; a CR right before the LF belongs to the line end
//   (CRLF). Any other CR is data: JSON text may hold one, and only LF counts
//   towards the line number.
// - `text` excludes the line end and stays valid until the next call to next().
// - The last line needs no line end; a file that ends with one has no empty
//   line after it.
// - A line longer than `max_line_bytes` (counted without its LF) is not
//   buffered whole: next() returns it with `too_long` set and `text` holding
//   at most its first `kept_prefix_bytes` (for a reject's raw text), and the
//   rest of it is read and dropped. The buffer therefore never grows beyond
//   max_line_bytes + chunk_bytes.
// - read errors surface as rebuy::error from input::read().
#ifndef REBUY_LINE_READER_HPP
#define REBUY_LINE_READER_HPP

#include <rebuy/plugin.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rebuy {

// line_reader's limits (outside the class so `= {}` works as a default argument).
struct line_limits {
  size_t chunk_bytes = size_t{1} << 20;              // at most asked of input::read() at a time
  size_t max_line_bytes = size_t{64} << 20;          // longer lines are reported, not buffered
  size_t kept_prefix_bytes = batch_builder::max_raw; // of a too-long line
};

class line_reader {
public:
  using limits = line_limits;

  struct line {
    std::string_view text;
    uint64_t number = 0;   // 1-based
    bool too_long = false; // text is only the line's first kept_prefix_bytes
  };

  explicit line_reader(const input &in, limits lim = {}) : in_(in), limits_(lim) {
    limits_.chunk_bytes = in_.chunk_size(limits_.chunk_bytes);
    if (limits_.max_line_bytes == 0) limits_.max_line_bytes = 1;
  }

  // The next line, or false at the end of the input.
  bool next(line &out) {
    drop_consumed();
    for (;;) {
      size_t end = find_line_end();
      if (end != std::string::npos) {
        // Judged by length alone, so chunk boundaries never change the verdict.
        if (end - start_ > limits_.max_line_bytes) return emit_too_long(out, end);
        return emit(out, end, end + 1);
      }
      if (buf_.size() - start_ > limits_.max_line_bytes)
        return emit_too_long(out, std::string::npos);
      if (eof_) {
        if (start_ == buf_.size()) return false;
        return emit(out, buf_.size(), buf_.size());
      }
      fill();
    }
  }

  // Decoded bytes consumed so far, for progress reports.
  uint64_t bytes_consumed() const noexcept { return consumed_; }
  const limits &get_limits() const noexcept { return limits_; }

private:
  // The offset of the LF ending the current line, or npos. Remembers how far
  // it looked, so a long line is scanned once, not once per chunk.
  size_t find_line_end() {
    size_t from = std::max(start_, scanned_);
    const char *p =
        static_cast<const char *>(std::memchr(buf_.data() + from, '\n', buf_.size() - from));
    if (p) return static_cast<size_t>(p - buf_.data());
    scanned_ = buf_.size();
    return std::string::npos;
  }

  bool emit(line &out, size_t end, size_t next_start) {
    size_t text_end = end;
    if (end < buf_.size() && text_end > start_ && buf_[text_end - 1] == '\r') --text_end; // CRLF
    out.text = std::string_view(buf_.data() + start_, text_end - start_);
    out.number = ++line_number_;
    out.too_long = false;
    consumed_ += next_start - start_;
    start_ = next_start;
    return true;
  }

  // Keeps a prefix for the reject, then reads on to the line's end (the LF at
  // `end`, or one not read yet) without keeping anything.
  bool emit_too_long(line &out, size_t end) {
    prefix_.assign(buf_.data() + start_, std::min(limits_.kept_prefix_bytes, buf_.size() - start_));
    out.text = prefix_;
    out.number = ++line_number_;
    out.too_long = true;
    if (end != std::string::npos) {
      consumed_ += end + 1 - start_;
      start_ = end + 1;
      return true;
    }
    consumed_ += buf_.size() - start_;
    buf_.clear();
    start_ = scanned_ = 0;
    for (;;) {
      if (buf_.empty() && !fill()) break;
      const char *p = static_cast<const char *>(std::memchr(buf_.data(), '\n', buf_.size()));
      if (p) {
        size_t skip = static_cast<size_t>(p - buf_.data()) + 1;
        consumed_ += skip;
        start_ = scanned_ = skip;
        break;
      }
      consumed_ += buf_.size();
      buf_.clear();
    }
    return true;
  }

  // Moves the unread rest to the front once the read part dominates, so the
  // buffer stays bounded without a memmove per line.
  void drop_consumed() {
    if (start_ == 0 || start_ < buf_.size() / 2) return;
    buf_.erase(0, start_);
    scanned_ = scanned_ > start_ ? scanned_ - start_ : 0;
    start_ = 0;
  }

  // Appends up to one chunk; false at the end of the input.
  bool fill() {
    if (eof_) return false;
    drop_consumed();
    size_t old = buf_.size();
    buf_.resize(old + limits_.chunk_bytes);
    size_t n = in_.read(buf_.data() + old, limits_.chunk_bytes);
    buf_.resize(old + n);
    if (n == 0) eof_ = true;
    return n != 0;
  }

  input in_;
  limits limits_;
  std::string buf_;
  size_t start_ = 0;   // where the current line begins in buf_
  size_t scanned_ = 0; // buf_ holds no LF in [start_, scanned_)
  std::string prefix_; // kept start of a too-long line
  uint64_t line_number_ = 0;
  uint64_t consumed_ = 0;
  bool eof_ = false;
};

} // namespace rebuy

#endif // REBUY_LINE_READER_HPP
