#pragma once
// How much bytes read through a single-byte code page look like text, to choose between legacy code
// pages that a detector cannot tell apart (windows-1252 and Mac Roman above all).
#include <string_view>

namespace rebuy::core {

// Higher is more text-like; only comparable between code pages for the same `bytes`. Letters that
// sit well with their neighbours (same script, no lower-to-upper switch inside a word, accented
// Latin next to plain ASCII letters) and typographic quotes and dashes score; undefined bytes,
// control characters and letters that clash with their neighbours ("cafÈ") cost. Returns INT_MIN
// for a converter ICU does not have.
int code_page_score(std::string_view bytes, const char *converter);

} // namespace rebuy::core
