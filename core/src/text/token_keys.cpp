#include "text/token_keys.hpp"

#include <rebuy/plugin_abi.h>

#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace rebuy::core {

namespace {

bool is_ascii(std::string_view bytes) noexcept {
  unsigned char any = 0;
  for (char c : bytes)
    any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

} // namespace

token_keys::token_keys() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU NFKC_Casefold normalizer: ") + u_errorName(status));
}

void token_keys::append_key(std::string_view bytes, const char16_t *units, int32_t length,
                            std::string &arena) {
  // NFKC_Casefold maps ASCII to its lower case and nothing else, so most English tokens never
  // reach ICU.
  if (is_ascii(bytes)) {
    const size_t at = arena.size();
    arena.append(bytes);
    for (size_t i = at; i < arena.size(); ++i)
      if (arena[i] >= 'A' && arena[i] <= 'Z') arena[i] = static_cast<char>(arena[i] + ('a' - 'A'));
    return;
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source(false, units, length); // read-only alias, no copy
  nfkc_casefold_->normalize(source, folded_, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU NFKC_Casefold normalize: ") + u_errorName(status));

  // The folded text came from well-formed UTF-16, so it has no lone surrogates to worry about.
  const char16_t *folded = folded_.getBuffer();
  const int32_t folded_length = folded_.length();
  size_t at = arena.size();
  arena.resize(at + 3 * static_cast<size_t>(folded_length));
  for (int32_t i = 0; i < folded_length;) {
    UChar32 c;
    U16_NEXT_UNSAFE(folded, i, c);
    U8_APPEND_UNSAFE(arena.data(), at, c);
  }
  arena.resize(at);
}

uint32_t token_keys::flags(std::string_view bytes, const char16_t *units, int32_t length) noexcept {
  int upper = 0;
  if (is_ascii(bytes)) {
    for (char c : bytes) {
      if (c >= 'a' && c <= 'z') return 0;
      if (c >= 'A' && c <= 'Z') ++upper;
    }
  } else {
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U16_NEXT(units, i, length, c);
      if (u_isULowercase(c) || u_istitle(c)) return 0;
      if (u_isUUppercase(c)) ++upper;
    }
  }
  return upper >= 2 ? REBUY_TOKEN_UPPER : 0u;
}

} // namespace rebuy::core
