// rebuy plugin SDK: JSON lines for importers (needs RapidJSON's headers).
//
// Review and event dumps (Amazon, Yelp, most exports called .json or .jsonl)
// hold one JSON object per line, either as JSON lines or as a JSON array
// written one object per line ("[" first, commas between, "]" last).
// json_lines_reader turns such a stream into rows, one per line:
//
//   rebuy::json_lines_reader reader(input);
//   rebuy::json_row row;
//   while (reader.next(row)) {
//     if (row.what == rebuy::json_row::kind::object) use(reader.object(), row.line);
//     else if (row.what == rebuy::json_row::kind::reject) out.reject(row.line, row.reason,
//     row.raw); else out.skip(row.line, row.reason, row.raw);
//   }
//
// - Keeping to lines lets a broken line be rejected alone, with its number and
//   reason, while every other line still imports. A line with invalid JSON,
//   a value that is not an object, or text after the object is one reject; a
//   blank line is a skip ("blank line"). An array cut off inside a record
//   rejects that record's line; the complete records before it are rows as
//   usual, and array_unclosed() tells that the array never closed.
// - Objects pretty-printed across lines are not supported: when the first
//   record line is a lone "{", next() throws rebuy::error saying so, rather
//   than rejecting every line of the file.
// - Hostile input is bounded: lines longer than the line_reader limit are
//   rejected unread, nesting deeper than max_depth is rejected before it is
//   parsed (and parsing is iterative anyway, never recursive), and every row
//   is parsed into a memory pool cleared per row, so memory stays flat.
// - Strings are passed on as they are; the host repairs invalid UTF-8.
#ifndef REBUY_JSON_LINES_HPP
#define REBUY_JSON_LINES_HPP

#include <rebuy/line_reader.hpp>
#include <rebuy/plugin.hpp>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <charconv>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rebuy {

// A value as a field's text: a string as it is (unescaped), null as nothing,
// anything else as compact JSON. `scratch` holds made text; the view is
// valid until the next call with the same scratch.
inline std::string_view json_value_text(const rapidjson::Value &value, std::string &scratch) {
  if (value.IsString()) return {value.GetString(), value.GetStringLength()};
  if (value.IsNull()) return {};
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  scratch.assign(buffer.GetString(), buffer.GetSize());
  return scratch;
}

// A member name or string value as a view (it may hold NUL bytes).
inline std::string_view json_string(const rapidjson::Value &string) {
  return {string.GetString(), string.GetStringLength()};
}

// The type of a value in words, for reject reasons ("an array").
inline const char *json_type_name(const rapidjson::Value &value) noexcept {
  switch (value.GetType()) {
  case rapidjson::kNullType:
    return "null";
  case rapidjson::kFalseType:
  case rapidjson::kTrueType:
    return "a boolean";
  case rapidjson::kObjectType:
    return "an object";
  case rapidjson::kArrayType:
    return "an array";
  case rapidjson::kStringType:
    return "a string";
  case rapidjson::kNumberType:
    return "a number";
  }
  return "a value";
}

// One row of a JSON lines stream.
struct json_row {
  enum class kind { object, reject, skip };
  kind what = kind::object;
  uint64_t line = 0;
  std::string reason;   // of a reject or skip
  std::string_view raw; // the row's text; valid until the next call to next()
};

class json_lines_reader {
public:
  // Parsing stops after one value, so several objects on an array's line and
  // text after an object can be told apart; numbers keep full precision (they
  // come as text and are read by exact_numbers).
  static constexpr unsigned parse_flags = rapidjson::kParseIterativeFlag |
                                          rapidjson::kParseStopWhenDoneFlag |
                                          rapidjson::kParseNumbersAsStringsFlag;
  static constexpr unsigned default_max_depth = 64;

  explicit json_lines_reader(const input &in, line_reader::limits limits = {},
                             unsigned max_depth = default_max_depth)
      : lines_(in, limits), max_depth_(max_depth) {}
  json_lines_reader(const json_lines_reader &) = delete;
  json_lines_reader &operator=(const json_lines_reader &) = delete;

  // The next row; for kind::object the object is in object(). False at the end.
  bool next(json_row &row) {
    for (;;) {
      pos_ = skip_space(text_, pos_);
      if (pos_ >= text_.size()) {
        if (!next_line(row)) return false;
        if (row_ready_) return true;
        continue;
      }
      char c = text_[pos_];
      if (!decided_) {
        decided_ = true;
        array_ = c == '[';
        if (array_) {
          ++pos_;
          continue;
        }
      }
      if (array_ && closed_) return reject(row, "text after the end of the JSON array");
      if (array_ && (c == ',' || c == ']')) {
        closed_ = c == ']';
        ++pos_;
        continue;
      }
      return parse_value(row);
    }
  }

  // The object of the row returned last; valid until the next call.
  const rapidjson::Value &object() const noexcept { return doc_; }

  // True once the input ended inside a JSON array that never closed. An input
  // whose last byte is the "]" closes, even when that "]" ended a line
  // rejected whole (a record nested too deep): the file is not cut off.
  bool array_unclosed() const noexcept { return ended_ && array_ && !closed_ && last_byte_ != ']'; }
  uint64_t bytes_consumed() const noexcept { return lines_.bytes_consumed(); }

  // Parses the first object of `head` (a probe's text, which may end
  // anywhere) into doc; false when head does not start with a whole object.
  static bool parse_first(std::string_view head, rapidjson::Document &doc) {
    size_t pos = skip_space(head, 0);
    if (head.substr(pos, 3) == "\xEF\xBB\xBF") pos = skip_space(head, pos + 3);
    if (pos < head.size() && head[pos] == '[') pos = skip_space(head, pos + 1);
    if (pos >= head.size() || head[pos] != '{') return false;
    size_t used = 0;
    return !parse_at(head, pos, doc, used).IsError() && doc.IsObject();
  }

private:
  static bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  static size_t skip_space(std::string_view s, size_t pos) noexcept {
    while (pos < s.size() && is_space(s[pos]))
      ++pos;
    return pos;
  }

  // A line holding only "{": the first line of a pretty-printed object.
  static bool is_lone_brace(std::string_view s) noexcept {
    size_t first = skip_space(s, 0);
    return first < s.size() && s[first] == '{' && skip_space(s, first + 1) == s.size();
  }

  // Hands a document's SAX events on, numbers read from their text with
  // std::from_chars, which is exact and ignores the locale. RapidJSON 1.1.0, the
  // version Debian 12 ships, reads numbers with undefined behaviour in its
  // full-precision path (a zero with a large exponent, "0e44", came out as
  // garbage; long mantissas overflow an int).
  struct exact_numbers {
    rapidjson::Document &to;
    bool too_big = false; // a number beyond a double: the row is rejected

    bool Null() { return to.Null(); }
    bool Bool(bool b) { return to.Bool(b); }
    bool Int(int i) { return to.Int(i); }
    bool Uint(unsigned u) { return to.Uint(u); }
    bool Int64(int64_t i) { return to.Int64(i); }
    bool Uint64(uint64_t u) { return to.Uint64(u); }
    bool Double(double d) { return to.Double(d); }
    bool String(const char *s, rapidjson::SizeType n, bool copy) { return to.String(s, n, copy); }
    bool StartObject() { return to.StartObject(); }
    bool Key(const char *s, rapidjson::SizeType n, bool copy) { return to.Key(s, n, copy); }
    bool EndObject(rapidjson::SizeType members) { return to.EndObject(members); }
    bool StartArray() { return to.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return to.EndArray(elements); }

    // RapidJSON has checked the syntax. Integers stay integers while 64 bits
    // hold them, as RapidJSON keeps them.
    bool RawNumber(const char *s, rapidjson::SizeType n, bool) {
      const char *end = s + n;
      std::string_view text(s, n);
      if (text.find_first_of(".eE") == std::string_view::npos) {
        int64_t i = 0;
        uint64_t u = 0;
        if (s[0] == '-' && std::from_chars(s, end, i).ec == std::errc()) return to.Int64(i);
        if (s[0] != '-' && std::from_chars(s, end, u).ec == std::errc()) return to.Uint64(u);
      }
      double d = 0;
      auto [stop, ec] = std::from_chars(s, end, d);
      if (ec == std::errc::result_out_of_range) {
        // Tiny is zero; a mantissa of hundreds of zeros without a negative
        // exponent counts as too big, which rejects its row with a reason.
        if (text.find("e-") != std::string_view::npos || text.find("E-") != std::string_view::npos)
          return to.Double(s[0] == '-' ? -0.0 : 0.0);
        too_big = true;
        return false;
      }
      return ec == std::errc() && stop == end && to.Double(d);
    }
  };

  // Parses one value of `text` from `pos` into doc; `used` is the bytes it took.
  static rapidjson::ParseResult parse_at(std::string_view text, size_t pos,
                                         rapidjson::Document &doc, size_t &used) {
    rapidjson::MemoryStream bytes(text.data() + pos, text.size() - pos);
    rapidjson::ParseResult result;
    auto parse = [&](rapidjson::Document &d) {
      exact_numbers events{d};
      rapidjson::Reader reader;
      result = reader.Parse<parse_flags>(bytes, events);
      if (events.too_big) result.Set(rapidjson::kParseErrorNumberTooBig, result.Offset());
      return !result.IsError();
    };
    doc.Populate(parse);
    used = bytes.Tell();
    return result;
  }

  // True when brackets outside strings nest deeper than max_depth_ from pos_.
  // Counting brackets first keeps ordinary lines to one cheap pass.
  bool too_deep() const noexcept {
    size_t brackets = 0;
    for (size_t i = pos_; i < text_.size(); ++i)
      brackets += text_[i] == '{' || text_[i] == '[';
    if (brackets <= max_depth_) return false;
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = pos_; i < text_.size(); ++i) {
      char c = text_[i];
      if (in_string) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          in_string = false;
      } else if (c == '"') {
        in_string = true;
      } else if (c == '{' || c == '[') {
        if (++depth > max_depth_) return true;
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      }
    }
    return false;
  }

  // Reads the next line into text_; false at the end of the input. Sets
  // row_ready_ when the line already is a row (blank or too long).
  bool next_line(json_row &row) {
    row_ready_ = false;
    line_reader::line l;
    if (!lines_.next(l)) {
      ended_ = true;
      text_ = {};
      pos_ = 0;
      return false;
    }
    text_ = l.text;
    pos_ = 0;
    line_ = l.number;
    for (size_t end = text_.size(); end > 0; --end)
      if (!is_space(text_[end - 1])) {
        last_byte_ = text_[end - 1];
        break;
      }
    if (l.too_long) {
      size_t limit = lines_.get_limits().max_line_bytes;
      row_ready_ = reject(row, "line longer than " + (limit % (size_t{1} << 20) == 0
                                                          ? std::to_string(limit >> 20) + " MiB"
                                                          : std::to_string(limit) + " bytes"));
    } else if (skip_space(text_, 0) == text_.size()) {
      row = {json_row::kind::skip, line_, "blank line", {}};
      pos_ = text_.size();
      row_ready_ = true;
    }
    return true;
  }

  bool reject(json_row &row, std::string reason) {
    row.what = json_row::kind::reject;
    row.line = line_;
    row.reason = std::move(reason);
    row.raw = text_;
    pos_ = text_.size(); // the rest of a broken line cannot be trusted
    return true;
  }

  bool parse_value(json_row &row) {
    if (too_deep())
      return reject(row, "JSON nested deeper than " + std::to_string(max_depth_) + " levels");
    pool_.Clear();
    size_t used = 0;
    rapidjson::ParseResult parsed = parse_at(text_, pos_, doc_, used);
    if (parsed.IsError()) {
      if (objects_ == 0 && is_lone_brace(text_))
        throw error("line " + std::to_string(line_) +
                    ": JSON objects span several lines (pretty-printed JSON); this importer "
                    "reads one object per line: convert the file first, e.g. with "
                    "`jq -c '.[]' FILE` for an array or `jq -c . FILE` otherwise");
      size_t at = pos_ + parsed.Offset();
      bool cut_off = at >= text_.size();
      return reject(row, (cut_off ? "JSON cut off at the end of the line: "
                                  : "invalid JSON at byte " + std::to_string(at + 1) + ": ") +
                             std::string(rapidjson::GetParseError_En(parsed.Code())));
    }
    size_t start = pos_;
    pos_ += used;
    if (!doc_.IsObject())
      return reject(row, std::string("not a JSON object but ") + json_type_name(doc_));
    // In JSON lines an object owns its whole line.
    size_t rest = skip_space(text_, pos_);
    if (!array_ && rest != text_.size())
      return reject(row, "text after the JSON object at byte " + std::to_string(rest + 1));
    ++objects_;
    row.what = json_row::kind::object;
    row.line = line_;
    row.reason.clear();
    row.raw = text_.substr(start, used);
    return true;
  }

  line_reader lines_;
  unsigned max_depth_;
  std::string_view text_; // the current line
  size_t pos_ = 0;        // next unread byte of text_
  uint64_t line_ = 0;
  uint64_t objects_ = 0;
  bool row_ready_ = false;
  bool decided_ = false; // JSON lines or array: the first non-blank byte decides
  bool array_ = false;
  bool closed_ = false; // the array's "]" was seen
  bool ended_ = false;
  char last_byte_ = 0; // the last non-space byte read so far

  // Rows up to pool_bytes parse without a single allocation; larger ones get
  // chunks that the next row's Clear() gives back.
  static constexpr size_t pool_bytes = size_t{64} << 10;
  std::unique_ptr<char[]> pool_buffer_{new char[pool_bytes]};
  rapidjson::MemoryPoolAllocator<> pool_{pool_buffer_.get(), pool_bytes};
  rapidjson::Document doc_{&pool_};
};

} // namespace rebuy

#endif // REBUY_JSON_LINES_HPP
