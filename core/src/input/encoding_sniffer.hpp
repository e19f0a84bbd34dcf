#pragma once
// Decides a file's encoding from its first bytes.
#include <cstddef>
#include <string>
#include <string_view>

namespace rebuy::core {

struct detected_encoding {
  std::string label;     // what the user is told: "UTF-8", "UTF-16LE", "windows-1252", ...
  std::string converter; // the ICU converter to use; empty for UTF-8 (validated and copied)
  size_t bom_size = 0;   // bytes of byte order mark to skip
  bool converted = false;
};

// `head`: the start of the file (64 KiB is plenty). Order: a BOM; then UTF-8 (without NUL bytes,
// and more valid multi-byte sequences than invalid ones; a sequence cut by the end of `head` counts
// as neither); then ICU's charset detector, trusted when confident for UTF-16/32 without a BOM and
// for multi-byte encodings (Shift_JIS, GB18030...); otherwise the single-byte code page that reads
// best among windows-1252, Mac Roman and the detector's guess (windows-1251, windows-1250...).
detected_encoding detect_encoding(std::string_view head);

} // namespace rebuy::core
