#pragma once
// An unordered_map keyed by std::string that is looked up by string_view
// without building a std::string: the report looks up millions of keys (words,
// customers, segment values) that are views into SQLite's row buffers.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rebuy::core {

struct string_hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using string_map = std::unordered_map<std::string, Value, string_hash, std::equal_to<>>;

// The entry for `key`, value-initialised when new.
template <typename Value> Value &entry(string_map<Value> &map, std::string_view key) {
  auto it = map.find(key);
  if (it == map.end()) it = map.emplace(std::string(key), Value{}).first;
  return it->second;
}

} // namespace rebuy::core
