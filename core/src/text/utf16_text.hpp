#pragma once
// UTF-8 text decoded to UTF-16 for ICU, remembering where each UTF-16 unit came from in the UTF-8.
#include <cstdint>
#include <string_view>
#include <vector>

namespace rebuy::core {

class utf16_text {
public:
  // Largest UTF-8 input: ICU indexes UTF-16 with int32_t, and the map needs one entry past the end.
  static constexpr size_t max_size = 0x7FFFFFFE;

  // Decodes `text` (at most max_size bytes); each ill-formed sequence becomes one U+FFFD, cut the
  // way ICU cuts them (maximal subparts), so offsets agree with what ICU's own decoders would do.
  void assign(std::string_view text);

  // The units; not written for ASCII text, whose bytes are its units (ascii()).
  const char16_t *data() const noexcept { return ascii_ ? nullptr : units_.data(); }
  int32_t length() const noexcept { return length_; }
  bool ascii() const noexcept { return ascii_; }
  // Byte offset in the UTF-8 text of UTF-16 index `unit` (0..length()).
  uint32_t byte_offset(int32_t unit) const noexcept {
    return ascii_ ? static_cast<uint32_t>(unit) : map_[static_cast<size_t>(unit)];
  }

private:
  // Sized up but never down, so a worker stops allocating once it has seen its longest text.
  std::vector<char16_t> units_;
  std::vector<uint32_t> map_; // unused while ascii_: offsets are then the indices themselves
  int32_t length_ = 0;
  bool ascii_ = true;
};

} // namespace rebuy::core
