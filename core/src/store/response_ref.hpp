#pragma once
// A response remembered by the analysis or the report: its id, to read it back, and the hash of its
// source and key, to choose between responses by what they are rather than when they arrived. Ids
// follow arrival, which differs when several imports fill one store at once; the key hash does not.
#include <cstdint>

namespace rebuy::core {

struct response_ref {
  int64_t id = 0, key_hash = 0;
};

// The order examples and samples are chosen in: by key hash (ties, a 2^-64 chance, by id).
inline bool chosen_before(const response_ref &a, const response_ref &b) {
  return a.key_hash != b.key_hash ? a.key_hash < b.key_hash : a.id < b.id;
}

} // namespace rebuy::core
