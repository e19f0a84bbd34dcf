#pragma once
// The hash under which the store finds a response by (source, key): the
// response_keys table holds it. FNV-1a, 64 bits: stable across platforms, so
// the stored hashes stay valid.
#include "util/fnv1a.hpp"

#include <cstdint>
#include <string_view>

namespace rebuy::core {

inline int64_t response_key_hash(std::string_view source, std::string_view key) {
  return static_cast<int64_t>(fnv1a(key, fnv1a(std::string_view("\x1f", 1), fnv1a(source))));
}

} // namespace rebuy::core
