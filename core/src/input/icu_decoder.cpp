#include "input/icu_decoder.hpp"

#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <string>

namespace rebuy::core {

namespace {

constexpr size_t utf16_capacity = 64 * 1024;

} // namespace

icu_decoder::icu_decoder(const char *converter) : utf16_(utf16_capacity) {
  UErrorCode status = U_ZERO_ERROR;
  converter_ = ucnv_open(converter, &status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU converter ") + converter + ": " +
                             u_errorName(status));
  // ICU's own substitution writes U+001A for single bytes of some code pages, and counts nothing.
  ucnv_setToUCallBack(converter_, &icu_decoder::on_invalid, this, nullptr, nullptr, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter_);
    throw std::runtime_error(std::string("ICU converter callback: ") + u_errorName(status));
  }
}

icu_decoder::~icu_decoder() { ucnv_close(converter_); }

void icu_decoder::on_invalid(const void *context, UConverterToUnicodeArgs *args, const char *,
                             int32_t, UConverterCallbackReason reason, UErrorCode *status) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  auto *self = static_cast<icu_decoder *>(const_cast<void *>(context));
  ++self->invalid_;
  *status = U_ZERO_ERROR;
  static const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

void icu_decoder::decode(std::string_view in, bool final, std::string &out) {
  const char *source = in.data();
  const char *const source_end = source + in.size();
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar *target = utf16_.data();
    ucnv_toUnicode(converter_, &target, utf16_.data() + utf16_.size(), &source, source_end, nullptr,
                   final, &status);
    append_utf8(utf16_.data(), static_cast<size_t>(target - utf16_.data()), out);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status))
      throw std::runtime_error(std::string("ICU conversion: ") + u_errorName(status));
    break;
  }
  if (final && lead_ != 0) { // nothing more will pair with it
    lead_ = 0;
    ++invalid_;
    out.append("\xEF\xBF\xBD");
  }
}

void icu_decoder::append_utf8(const char16_t *units, size_t length, std::string &out) {
  size_t at = out.size();
  out.resize(at + 3 * (length + 1));
  char *dst = out.data();
  auto replace = [&] {
    ++invalid_;
    U8_APPEND_UNSAFE(dst, at, 0xFFFD);
  };
  for (size_t i = 0; i < length; ++i) {
    const char16_t unit = units[i];
    if (lead_ != 0) {
      const char16_t lead = lead_;
      lead_ = 0;
      if (U16_IS_TRAIL(unit)) {
        U8_APPEND_UNSAFE(dst, at, U16_GET_SUPPLEMENTARY(lead, unit));
        continue;
      }
      replace();
    }
    if (U16_IS_LEAD(unit))
      lead_ = unit;
    else if (U16_IS_TRAIL(unit))
      replace();
    else
      U8_APPEND_UNSAFE(dst, at, unit);
  }
  out.resize(at);
}

} // namespace rebuy::core
