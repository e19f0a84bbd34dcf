#pragma once
// Turns the bytes of one encoding into UTF-8, a chunk at a time.
#include <cstdint>
#include <string>
#include <string_view>

namespace rebuy::core {

class byte_decoder {
public:
  virtual ~byte_decoder() = default;

  // Appends the UTF-8 of `in` to `out`. A sequence cut by the end of `in` waits for the next call,
  // unless `final` says there is none; then it counts as invalid. Invalid sequences become U+FFFD.
  virtual void decode(std::string_view in, bool final, std::string &out) = 0;

  uint64_t invalid_sequences() const noexcept { return invalid_; }

protected:
  uint64_t invalid_ = 0;
};

} // namespace rebuy::core
