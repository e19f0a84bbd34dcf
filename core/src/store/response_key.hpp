#pragma once
// The hash under which the store finds a response by (source, key): the
// response_keys table holds it. FNV-1a, 64 bits: stable across platforms, so
// the stored hashes stay valid.
#include <cstdint>
#include <string_view>

namespace rebuy::core {

inline int64_t response_key_hash(std::string_view source, std::string_view key) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s)
      h = (h ^ c) * 1099511628211ull;
  };
  mix(source);
  mix(std::string_view("\x1f", 1));
  mix(key);
  return static_cast<int64_t>(h);
}

} // namespace rebuy::core
