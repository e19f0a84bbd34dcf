// Quoting tokens of a prepared text as written.
#ifndef REBUY_THEMES_TOKEN_SPAN_HPP
#define REBUY_THEMES_TOKEN_SPAN_HPP

#include <rebuy/plugin.hpp>

#include <string_view>

namespace rebuy::themes {

// Evidence is a quote, not a copy: a longer span is cut at this many bytes.
constexpr size_t max_quote_bytes = 256;

// The bytes from the start of token `first` to the end of token `last`, as
// the text has them (with the original spaces and case), cut at a character
// boundary after max_quote_bytes; empty when the host's offsets do not fit the text.
inline std::string_view as_written(const rebuy_text &text, size_t first, size_t last) {
  const std::string_view body = to_view(text.text);
  const size_t from = text.tokens[first].offset;
  const size_t to = static_cast<size_t>(text.tokens[last].offset) + text.tokens[last].text.size;
  if (from > to || to > body.size()) return {};
  size_t size = to - from;
  if (size > max_quote_bytes) {
    size = max_quote_bytes;
    while (size > 0 && (static_cast<unsigned char>(body[from + size]) & 0xC0) == 0x80)
      --size;
  }
  return body.substr(from, size);
}

} // namespace rebuy::themes

#endif // REBUY_THEMES_TOKEN_SPAN_HPP
