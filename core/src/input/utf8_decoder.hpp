#pragma once
// UTF-8 in, UTF-8 out: validates and copies, replacing only ill-formed sequences.
#include "input/byte_decoder.hpp"

namespace rebuy::core {

// Bytes at the end of `bytes` that begin a well-started but unfinished sequence (0-3).
size_t utf8_incomplete_tail(std::string_view bytes) noexcept;

struct utf8_census {
  size_t multibyte = 0; // well-formed sequences of two bytes or more
  size_t invalid = 0;   // ill-formed sequences
};
// Counts the sequences of `bytes`; when `complete` is false, a sequence cut by the end is ignored.
utf8_census count_utf8(std::string_view bytes, bool complete) noexcept;

class utf8_decoder final : public byte_decoder {
public:
  void decode(std::string_view in, bool final, std::string &out) override;

private:
  std::string carry_;  // the unfinished sequence at the end of the previous chunk
  std::string joined_; // carry_ followed by the next chunk, reused
};

} // namespace rebuy::core
