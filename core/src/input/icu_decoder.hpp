#pragma once
// Any encoding ICU has a converter for (UTF-16, UTF-32, legacy code pages) to UTF-8, streaming.
#include "input/byte_decoder.hpp"

#include <unicode/ucnv.h>

#include <vector>

namespace rebuy::core {

class icu_decoder final : public byte_decoder {
public:
  // `converter`: an ICU converter name, e.g. "UTF-16LE", "windows-1252", "macintosh".
  // Throws std::runtime_error naming the converter and the ICU error.
  explicit icu_decoder(const char *converter);
  ~icu_decoder() override;
  icu_decoder(const icu_decoder &) = delete;
  icu_decoder &operator=(const icu_decoder &) = delete;

  void decode(std::string_view in, bool final, std::string &out) override;

private:
  static void on_invalid(const void *context, UConverterToUnicodeArgs *args, const char *bytes,
                         int32_t length, UConverterCallbackReason reason, UErrorCode *status);
  void append_utf8(const char16_t *units, size_t length, std::string &out);

  UConverter *converter_;
  std::vector<char16_t> utf16_; // ICU's output, reused
  // A lead surrogate at the end of one piece of output, waiting for its trail in the next.
  char16_t lead_ = 0;
};

} // namespace rebuy::core
