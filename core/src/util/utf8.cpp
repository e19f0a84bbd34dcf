#include "util/utf8.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

namespace rebuy::core {

bool is_valid_utf8(std::string_view s) noexcept {
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    // Most text is ASCII: eight bytes at a time, and again after each character that is not (an
    // evidence's quote marks or a name's accent do not make the rest slow).
    for (uint64_t word; i + 8 <= length; i += 8) {
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
    }
    while (i < length && p[i] < 0x80)
      ++i;
    if (i == length) break;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

} // namespace rebuy::core

namespace rebuy::core {

std::string repair_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  const auto *p = reinterpret_cast<const uint8_t *>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";
    else
      out.append(s.data() + start, static_cast<size_t>(i - start));
  }
  return out;
}

} // namespace rebuy::core

namespace rebuy::core {

std::string_view valid_utf8_view(std::string_view s, std::string &scratch) {
  if (is_valid_utf8(s)) return s;
  scratch = repair_utf8(s);
  return scratch;
}

} // namespace rebuy::core
