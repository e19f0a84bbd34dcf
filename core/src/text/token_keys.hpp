#pragma once
// Lookup keys (NFKC_Casefold) and case flags of word tokens.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace rebuy::core {

class token_keys {
public:
  token_keys(); // throws std::runtime_error naming the ICU error

  // Appends the NFKC_Casefold form of a token to `arena`, in UTF-8. `bytes` is the token's UTF-8
  // and `units`/`length` the same token in UTF-16; for ASCII bytes `units` is not read (may be
  // null), here and in flags().
  void append_key(std::string_view bytes, const char16_t *units, int32_t length,
                  std::string &arena);

  // REBUY_TOKEN_UPPER when the token has at least two upper-case letters and no lower- or
  // title-case one: "GREAT", "MP3", not "I", "Great" or "結帳" (which has no case at all).
  static uint32_t flags(std::string_view bytes, const char16_t *units, int32_t length) noexcept;

private:
  const icu::Normalizer2 *nfkc_casefold_;
  icu::UnicodeString folded_; // reused: normalize() keeps its capacity
};

} // namespace rebuy::core
