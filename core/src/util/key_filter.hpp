#pragma once
// A Bloom filter over 64-bit key hashes: "maybe seen" or "surely not seen".
// The default 2^25 bits (4 MiB) give about 0.4 % false positives at a million
// keys; more keys only raise that rate, and a false positive costs one
// lookup, never a wrong answer.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace rebuy::core {

class key_filter {
public:
  explicit key_filter(unsigned log2_bits = 25)
      : mask_((uint64_t{1} << log2_bits) - 1), bits_(size_t{1} << (log2_bits - 6)) {}

  void add(uint64_t hash) {
    set(hash);
    set(hash >> 32 | hash << 32);
  }
  bool maybe_contains(uint64_t hash) const { return test(hash) && test(hash >> 32 | hash << 32); }
  void clear() { std::fill(bits_.begin(), bits_.end(), 0); }

private:
  void set(uint64_t h) { bits_[(h & mask_) >> 6] |= uint64_t{1} << (h & 63); }
  bool test(uint64_t h) const { return (bits_[(h & mask_) >> 6] >> (h & 63)) & 1; }
  uint64_t mask_;
  std::vector<uint64_t> bits_;
};

} // namespace rebuy::core
