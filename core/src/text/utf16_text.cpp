#include "text/utf16_text.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace rebuy::core {

namespace {

bool is_ascii(std::string_view text) noexcept {
  unsigned char any = 0;
  for (char c : text)
    any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

} // namespace

void utf16_text::assign(std::string_view text) {
  ascii_ = is_ascii(text);
  if (ascii_) { // the bytes are the units: nothing to decode
    length_ = static_cast<int32_t>(text.size());
    return;
  }
  // UTF-16 never needs more units than UTF-8 has bytes, plus one for the end.
  const size_t capacity = text.size() + 1;
  if (units_.size() < capacity) units_.resize(capacity);

  if (map_.size() < capacity) map_.resize(capacity);
  const auto *s = reinterpret_cast<const uint8_t *>(text.data()); // what ICU's macros expect
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  size_t j = 0;
  while (i < n) {
    const auto start = static_cast<uint32_t>(i);
    if (s[i] < 0x80) {
      units_[j] = s[i++];
      map_[j++] = start;
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    if (U_IS_BMP(c)) {
      units_[j] = static_cast<char16_t>(c);
      map_[j++] = start;
    } else {
      // Both halves of the pair map to the character's first byte: no break falls between them.
      units_[j] = U16_LEAD(c);
      map_[j++] = start;
      units_[j] = U16_TRAIL(c);
      map_[j++] = start;
    }
  }
  map_[j] = static_cast<uint32_t>(n);
  length_ = static_cast<int32_t>(j);
}

} // namespace rebuy::core
