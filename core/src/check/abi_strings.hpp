#pragma once
// Judging the strings a plugin hands over, and quoting them safely in messages.
#include <rebuy/plugin_abi.h>

#include <string>
#include <string_view>

namespace rebuy::core {

// Why `s` breaks the ABI's string rules (a null pointer with a size, invalid
// UTF-8), or "" when it does not.
std::string string_problem(rebuy_str s);

// `s` as a view; empty when its pointer is null.
std::string_view safe_view(rebuy_str s) noexcept;

// At most `max` bytes of `s`, quoted, with control characters and bytes that
// are not valid UTF-8 written as \xNN, so a message never carries them.
std::string quoted_excerpt(std::string_view s, size_t max = 40);

} // namespace rebuy::core
