#pragma once
// A Bloom filter over 64-bit key hashes: "maybe seen" or "surely not seen".
// 4 MiB, so about 0.4 % false positives at a million keys; more keys only
// raise that rate, and a false positive costs one lookup, never a wrong answer.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace rebuy::core {

class key_filter {
public:
  key_filter() : bits_(size_t{1} << 19) {} // 2^25 bits

  void add(uint64_t hash) {
    set(hash);
    set(hash >> 32 | hash << 32);
  }
  bool maybe_contains(uint64_t hash) const { return test(hash) && test(hash >> 32 | hash << 32); }
  void clear() { std::fill(bits_.begin(), bits_.end(), 0); }

private:
  static constexpr uint64_t mask = (uint64_t{1} << 25) - 1;
  void set(uint64_t h) { bits_[(h & mask) >> 6] |= uint64_t{1} << (h & 63); }
  bool test(uint64_t h) const { return (bits_[(h & mask) >> 6] >> (h & 63)) & 1; }
  std::vector<uint64_t> bits_;
};

} // namespace rebuy::core
