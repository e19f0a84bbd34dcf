#pragma once
// Gives each staged response the hash the store finds it by, and whether its key
// may have come before in this import: a response whose key is new to the
// import and whose source is new to the store needs no lookup.
#include "store/response_key.hpp"
#include "store/staged_batch.hpp"
#include "util/key_filter.hpp"

#include <cstdint>
#include <span>
#include <string>

namespace rebuy::core {

class response_keyer {
public:
  // `input_bytes`, the input's size when known, sizes the filter: 4 MiB (2^25 bits, 0.4 % false
  // positives at a million keys) up to a file of about a million rows, up to 32 MiB for ten
  // times that, where a 4 MiB filter would send a fifth of the rows to a lookup in the store.
  explicit response_keyer(std::string source, uint64_t input_bytes = 0)
      : source_(std::move(source)), seen_(filter_bits(input_bytes)) {}

  // Rows in input order. The filter's words are fetched for all of them first:
  // one cache miss at a time per row was a third of the stager's time.
  void key(std::span<staged_response> rows) {
    for (auto &r : rows) {
      r.key_hash = response_key_hash(source_, r.key);
      seen_.prefetch(static_cast<uint64_t>(r.key_hash));
    }
    for (auto &r : rows) {
      const auto h = static_cast<uint64_t>(r.key_hash);
      r.maybe_seen = seen_.maybe_contains(h); // a filter: "no" is certain
      seen_.add(h);
    }
  }

private:
  static unsigned filter_bits(uint64_t input_bytes) {
    unsigned bits = 25;
    while (bits < 28 && (uint64_t{1} << bits) < input_bytes / 8)
      ++bits;
    return bits;
  }

  std::string source_;
  key_filter seen_;
};

} // namespace rebuy::core
