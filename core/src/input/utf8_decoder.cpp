#include "input/utf8_decoder.hpp"

#include <unicode/utf8.h>

#include <cstring>

namespace rebuy::core {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD"; // U+FFFD

// Index of the first non-ASCII byte at or after `i`, eight bytes at a time.
size_t skip_ascii(const char *s, size_t i, size_t n) noexcept {
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, s + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80)
    ++i;
  return i;
}

} // namespace

size_t utf8_incomplete_tail(std::string_view bytes) noexcept {
  for (size_t k = 1; k <= 3 && k <= bytes.size(); ++k) {
    const auto b = static_cast<unsigned char>(bytes[bytes.size() - k]);
    if ((b & 0xC0) == 0x80) continue;
    if (b < 0xC2 || b > 0xF4) return 0; // ASCII, or a byte that never starts a sequence
    const size_t needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    return needed > k ? k : 0;
  }
  return 0;
}

utf8_census count_utf8(std::string_view bytes, bool complete) noexcept {
  const size_t n = bytes.size() - (complete ? 0 : utf8_incomplete_tail(bytes));
  const char *s = bytes.data();
  const auto *u = reinterpret_cast<const uint8_t *>(s); // what ICU's macros expect
  utf8_census census;
  for (size_t i = skip_ascii(s, 0, n); i < n; i = skip_ascii(s, i, n)) {
    UChar32 c;
    U8_NEXT(u, i, n, c);
    ++(c < 0 ? census.invalid : census.multibyte);
  }
  return census;
}

void utf8_decoder::decode(std::string_view in, bool final, std::string &out) {
  std::string_view data = in;
  if (!carry_.empty()) {
    joined_.assign(carry_);
    joined_.append(in);
    data = joined_;
  }
  const size_t n = data.size() - (final ? 0 : utf8_incomplete_tail(data));
  carry_.assign(data.substr(n));

  // Valid runs are copied whole; only an ill-formed sequence (a maximal subpart, as ICU and the
  // WHATWG decoder cut them) interrupts a run and is replaced.
  const char *s = data.data();
  const auto *u = reinterpret_cast<const uint8_t *>(s); // what ICU's macros expect
  size_t run = 0;
  for (size_t i = skip_ascii(s, 0, n); i < n; i = skip_ascii(s, i, n)) {
    const size_t start = i;
    UChar32 c;
    U8_NEXT(u, i, n, c);
    if (c >= 0) continue;
    out.append(s + run, start - run);
    out.append(replacement);
    ++invalid_;
    run = i;
  }
  out.append(s + run, n - run);
}

} // namespace rebuy::core
