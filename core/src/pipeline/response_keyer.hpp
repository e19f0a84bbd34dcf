#pragma once
// Gives each staged response the hash the store finds it by, and whether its key
// may have come before in this import: a response whose key is new to the
// import and whose source is new to the store needs no lookup.
#include "store/staged_batch.hpp"
#include "store/response_key.hpp"
#include "util/key_filter.hpp"

#include <span>
#include <string>

namespace rebuy::core {

class response_keyer {
public:
  explicit response_keyer(std::string source) : source_(std::move(source)) {}

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
  std::string source_;
  key_filter seen_;
};

} // namespace rebuy::core
