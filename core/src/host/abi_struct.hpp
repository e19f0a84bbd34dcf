#pragma once
// Reading a struct a plugin wrote, whose struct_size may differ from ours
// (sdk/ABI.md, "Versioning"): a plugin built against an older SDK writes a
// shorter one, a newer plugin a longer one.
#include <rebuy/plugin_abi.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>

namespace rebuy::core {

// The size of a struct up to and including `Member`: what a minor version had.
#define REBUY_SIZE_THROUGH(TYPE, MEMBER) (offsetof(TYPE, MEMBER) + sizeof(TYPE::MEMBER))

// What ABI 1.0 had of each struct the host reads from a plugin: none may be smaller.
constexpr size_t plugin_info_size_1_0 = REBUY_SIZE_THROUGH(rebuy_plugin_info, analyzer);
constexpr size_t importer_api_size_1_0 = REBUY_SIZE_THROUGH(rebuy_importer_api, close);
constexpr size_t analyzer_api_size_1_0 = REBUY_SIZE_THROUGH(rebuy_analyzer_api, destroy);

// Our copy of `theirs`: min(its struct_size, ours) bytes, the rest zero, so a
// field past the writer's size reads as absent. Nothing when it is smaller
// than `oldest` (no version of the ABI had it so small).
template <typename T>
std::optional<T> sized_copy(const T *theirs, size_t oldest = sizeof(uint32_t)) {
  if (!theirs || theirs->struct_size < oldest) return std::nullopt;
  T ours{};
  const size_t size = std::min<size_t>(theirs->struct_size, sizeof(T));
  std::memcpy(static_cast<void *>(&ours), theirs, size);
  ours.struct_size = static_cast<uint32_t>(size);
  return ours;
}

} // namespace rebuy::core
