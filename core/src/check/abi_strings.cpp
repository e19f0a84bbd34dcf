#include "check/abi_strings.hpp"

#include "util/utf8.hpp"

#include <fmt/format.h>

namespace rebuy::core {

std::string_view safe_view(rebuy_str s) noexcept {
  return s.data ? std::string_view(s.data, s.size) : std::string_view();
}

std::string string_problem(rebuy_str s) {
  if (!s.data && s.size) return fmt::format("a null pointer with size {}", s.size);
  if (!is_valid_utf8(safe_view(s)))
    return fmt::format("invalid UTF-8 in {}", quoted_excerpt(safe_view(s)));
  return {};
}

std::string quoted_excerpt(std::string_view s, size_t max) {
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size() && i < max) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xE  ? 3
                    : (c >> 3) == 0x1E ? 4
                                       : 0;
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
