#pragma once
// A hash map from strings to values, kept in flat arrays: a lookup probes one array of small slots
// and compares one key, where std::unordered_map follows a bucket to a node. For the report's
// word counts: tens of millions of lookups among some tens of thousands of words.
#include "util/fnv1a.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

template <typename Value> class flat_string_map {
public:
  // The value of `key`, value-initialised when new. The reference lasts until a key is added.
  Value &operator[](std::string_view key) {
    if ((values_.size() + 1) * 4 > slots_.size() * 3) grow();
    const uint64_t h = fnv1a(key);
    for (size_t at = place(h);; at = (at + 1) & (slots_.size() - 1)) {
      slot &s = slots_[at];
      if (s.entry == 0) {
        s = {static_cast<uint32_t>(h), static_cast<uint32_t>(values_.size() + 1)};
        keys_.push_back({texts_.size(), key.size()});
        texts_.append(key);
        return values_.emplace_back();
      }
      if (s.tag == static_cast<uint32_t>(h) && this->key(s.entry - 1) == key)
        return values_[s.entry - 1];
    }
  }
  // Entries in the order their keys were added.
  size_t size() const { return values_.size(); }
  std::string_view key(size_t i) const {
    return std::string_view(texts_).substr(keys_[i].first, keys_[i].second);
  }
  const Value &value(size_t i) const { return values_[i]; }

private:
  struct slot {
    uint32_t tag = 0, entry = 0; // tag: the hash's low bits; entry: 1 + its index, 0 when free
  };
  // Fibonacci hashing: the slot from the hash's high bits, well mixed by the multiplication.
  size_t place(uint64_t h) const { return (h * 0x9E3779B97F4A7C15ull) >> shift_; }
  void grow() {
    const size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(size));
    slots_.assign(size, slot{});
    for (size_t i = 0; i < values_.size(); ++i) {
      const uint64_t h = fnv1a(key(i));
      size_t at = place(h);
      while (slots_[at].entry != 0)
        at = (at + 1) & (size - 1);
      slots_[at] = {static_cast<uint32_t>(h), static_cast<uint32_t>(i + 1)};
    }
  }

  std::vector<slot> slots_; // a power of two, at most three quarters used
  unsigned shift_ = 64;
  std::string texts_;                           // the keys, back to back
  std::vector<std::pair<size_t, size_t>> keys_; // each key's place in texts_
  std::vector<Value> values_;
};

} // namespace rebuy::core
