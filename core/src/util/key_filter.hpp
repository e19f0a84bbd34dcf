#pragma once
// A Bloom filter over 64-bit key hashes: "maybe seen" or "surely not seen".
// Both bits of a key sit in one 64-bit word, so a check costs one cache miss,
// not two. The default 2^25 bits (4 MiB) give about 0.4 % false positives at a
// million keys; more keys only raise that rate, and a false positive costs one
// lookup, never a wrong answer.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace rebuy::core {

class key_filter {
public:
  explicit key_filter(unsigned log2_bits = 25)
      : mask_((uint64_t{1} << log2_bits) - 1), words_(size_t{1} << (log2_bits - 6)) {}

  void add(uint64_t hash) { words_[word(hash)] |= bits(hash); }
  bool maybe_contains(uint64_t hash) const {
    const uint64_t b = bits(hash);
    return (words_[word(hash)] & b) == b;
  }
  // Brings the key's word into cache ahead of add() or maybe_contains().
  void prefetch(uint64_t hash) const { __builtin_prefetch(&words_[word(hash)]); }
  void clear() { std::fill(words_.begin(), words_.end(), 0); }

private:
  // The word from the low bits, the two bits in it from the top twelve.
  size_t word(uint64_t h) const { return (h & mask_) >> 6; }
  static uint64_t bits(uint64_t h) {
    return uint64_t{1} << (h >> 52 & 63) | uint64_t{1} << (h >> 58);
  }
  uint64_t mask_;
  std::vector<uint64_t> words_;
};

} // namespace rebuy::core
