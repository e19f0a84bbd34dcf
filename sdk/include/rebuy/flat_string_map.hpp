#pragma once
// A hash map from strings to values kept in flat arrays, for what is looked up once per token or
// word: a lookup probes one array of small slots and compares one key, where std::unordered_map
// follows a bucket to a node, and adding a key allocates nothing once the map has grown. Keys are
// copied into the map; entries stay in the order their keys were added.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rebuy {

template <typename Value> class flat_string_map {
public:
  // The value of `key` and true when it was added with `value`; else its value and false. The
  // pointer lasts until a key is added.
  std::pair<Value *, bool> try_emplace(std::string_view key, Value value) {
    if ((values_.size() + 1) * 4 > slots_.size() * 3) grow();
    const uint64_t h = hash(key);
    for (size_t at = place(h);; at = (at + 1) & (slots_.size() - 1)) {
      slot &s = slots_[at];
      if (s.entry == 0) {
        s = {static_cast<uint32_t>(h), static_cast<uint32_t>(values_.size() + 1)};
        keys_.push_back({texts_.size(), key.size()});
        texts_.append(key);
        return {&values_.emplace_back(std::move(value)), true};
      }
      if (s.tag == static_cast<uint32_t>(h) && this->key(s.entry - 1) == key)
        return {&values_[s.entry - 1], false};
    }
  }
  // The value of `key`, value-initialised when new.
  Value &operator[](std::string_view key) { return *try_emplace(key, Value{}).first; }
  // The value of `key`, or nullptr.
  const Value *find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = hash(key);
    for (size_t at = place(h);; at = (at + 1) & (slots_.size() - 1)) {
      const slot &s = slots_[at];
      if (s.entry == 0) return nullptr;
      if (s.tag == static_cast<uint32_t>(h) && this->key(s.entry - 1) == key)
        return &values_[s.entry - 1];
    }
  }
  // Empties the map; a small one keeps its memory, for a map filled anew for each text.
  void clear() {
    if (slots_.size() > 64)
      slots_ = {};
    else
      slots_.assign(slots_.size(), slot{});
    texts_.clear(), keys_.clear(), values_.clear();
  }

  size_t size() const { return values_.size(); }
  std::string_view key(size_t i) const {
    return std::string_view(texts_).substr(keys_[i].first, keys_[i].second);
  }
  const Value &value(size_t i) const { return values_[i]; }
  Value &value(size_t i) { return values_[i]; }

private:
  struct slot {
    uint32_t tag = 0, entry = 0; // tag: the hash's low bits; entry: 1 + its index, 0 when free
  };
  // FNV-1a, inlined: keys are a few bytes.
  static uint64_t hash(std::string_view key) {
    uint64_t h = 14695981039346656037ull;
    for (const char c : key)
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
  }
  // Fibonacci hashing: the slot from the high bits of the hash times 2^64 / φ.
  size_t place(uint64_t h) const {
    return static_cast<size_t>((h * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void grow() {
    const size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    shift_ = slots_.empty() ? 60 : shift_ - 1; // 64 - log2(size)
    slots_.assign(size, slot{});
    for (size_t i = 0; i < values_.size(); ++i) {
      const uint64_t h = hash(key(i));
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

} // namespace rebuy
