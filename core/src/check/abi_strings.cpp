#include "check/abi_strings.hpp"

#include "util/utf8.hpp"

#include <fmt/format.h>

namespace rebuy::core {

std::string_view safe_view(rebuy_str s) noexcept {
  return s.data ? std::string_view(s.data, s.size) : std::string_view();
}

namespace {

// Bytes in the UTF-8 sequence a lead byte starts; 0 for a byte that cannot start one.
size_t sequence_length(unsigned char lead) {
  return lead < 0x80           ? 1
         : (lead >> 5) == 0x6  ? 2
         : (lead >> 4) == 0xE  ? 3
         : (lead >> 3) == 0x1E ? 4
                               : 0;
}

// Where the first ill-formed sequence starts, or npos.
size_t first_invalid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t length = sequence_length(static_cast<unsigned char>(s[i]));
    if (length == 0 || i + length > s.size() || !is_valid_utf8(s.substr(i, length))) return i;
    i += length;
  }
  return std::string_view::npos;
}

} // namespace

std::string string_problem(rebuy_str s) {
  if (!s.data && s.size) return fmt::format("a null pointer with size {}", s.size);
  auto text = safe_view(s);
  size_t at = first_invalid(text);
  if (at == std::string_view::npos) return {};
  // Show the bad bytes with a little of what comes before them.
  size_t from = at > 24 ? at - 24 : 0;
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80)
    --from;
  return fmt::format("invalid UTF-8 at byte {} of {}: {}{}", at, text.size(), from > 0 ? "…" : "",
                     quoted_excerpt(text.substr(from), 48));
}

std::string quoted_excerpt(std::string_view s, size_t max) {
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size() && i < max) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = sequence_length(c);
    if (length > 1 && i + length <= s.size() && is_valid_utf8(s.substr(i, length))) {
      out.append(s.substr(i, length));
      i += length;
      continue;
    }
    if (c < 0x20 || c == 0x7F || c >= 0x80 || c == '"' || c == '\\')
      out += c == '"'    ? std::string("\\\"")
             : c == '\\' ? std::string("\\\\")
                         : fmt::format("\\x{:02x}", c);
    else
      out += static_cast<char>(c);
    ++i;
  }
  out += i < s.size() ? "\"…" : "\"";
  return out;
}

} // namespace rebuy::core
