#pragma once
#include <string>
#include <string_view>

namespace rebuy::core {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or truncation).
bool is_valid_utf8(std::string_view s) noexcept;

} // namespace rebuy::core

namespace rebuy::core {

// `s` with every ill-formed sequence replaced by U+FFFD; `s` itself when valid.
std::string repair_utf8(std::string_view s);

} // namespace rebuy::core

namespace rebuy::core {

// `s` itself when valid; otherwise its repair, kept in `scratch`.
std::string_view valid_utf8_view(std::string_view s, std::string &scratch);

} // namespace rebuy::core
