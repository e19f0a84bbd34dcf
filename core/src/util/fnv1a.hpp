#pragma once
// FNV-1a, 64 bits: a fixed, portable hash for what must come out the same on every machine and
// every run (the stored key hashes, cross-validation folds, bootstrap seeds, hashed features).
#include <cstdint>
#include <string_view>

namespace rebuy::core {

inline constexpr uint64_t fnv1a_basis = 14695981039346656037ull;
inline constexpr uint64_t fnv1a_prime = 1099511628211ull;

// Continues hash `h` over `bytes`; start from fnv1a_basis.
inline uint64_t fnv1a(std::string_view bytes, uint64_t h = fnv1a_basis) {
  for (unsigned char c : bytes)
    h = (h ^ c) * fnv1a_prime;
  return h;
}

} // namespace rebuy::core
