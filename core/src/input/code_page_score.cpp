#include "input/code_page_score.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

#include <array>
#include <climits>
#include <memory>

namespace rebuy::core {

namespace {

// Code points of bytes 0x80-0xFF; U+FFFD where the code page leaves a byte undefined.
using high_half = std::array<UChar32, 128>;

bool decode_high_half(const char *converter, high_half &table) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(converter, &status),
                                                         &ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  table.fill(0xFFFD);
  for (int b = 0x80; b <= 0xFF; ++b) {
    const char byte = static_cast<char>(b);
    UChar unit = 0;
    status = U_ZERO_ERROR;
    if (ucnv_toUChars(cnv.get(), &unit, 1, &byte, 1, &status) == 1 && U_SUCCESS(status))
      table[b - 0x80] = unit;
  }
  return true;
}

// Modifier letters (ˆ, ˜ in windows-1252) do not count: they are not how words are spelled.
bool is_letter(UChar32 c) {
  switch (u_charType(c)) {
  case U_UPPERCASE_LETTER:
  case U_LOWERCASE_LETTER:
  case U_TITLECASE_LETTER:
  case U_OTHER_LETTER:
    return true;
  default:
    return false;
  }
}

// Quotes and dashes of word processors. Opening and closing quotes and the en dash sit next to a
// space or a digit, not inside a word: "jalape–o" is Mac Roman's ñ read as windows-1252.
int typographic_score(UChar32 c, UChar32 before, UChar32 after) {
  switch (c) {
  case 0x2013: // –
  case 0x2018: // ‘
  case 0x201C: // “
  case 0x201D: // ”
    return is_letter(before) && is_letter(after) ? 0 : 2;
  case 0x2014: // —
  case 0x2019: // ’
  case 0x2026: // …
    return 2;
  default:
    return -1; // not typographic
  }
}

UScriptCode script_of(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return U_SUCCESS(status) ? script : USCRIPT_COMMON;
}

int letter_score(UChar32 c, UChar32 before, UChar32 after) {
  // A capital right after a small letter, or a small letter right before a capital.
  if ((u_isUUppercase(c) && u_isULowercase(before)) || (u_isULowercase(c) && u_isUUppercase(after)))
    return -1;
  const UScriptCode script = script_of(c);
  bool kin = false;
  for (UChar32 n : {before, after}) {
    if (!is_letter(n)) continue;
    if (script_of(n) != script) return -1;
    // Runs of accented Latin letters with no plain one are what Cyrillic or Greek turn into when
    // read as windows-1252; real Latin-script words mix them with ASCII.
    if (script != USCRIPT_LATIN || n < 0x80) kin = true;
  }
  return kin ? 2 : 1;
}

} // namespace

int code_page_score(std::string_view bytes, const char *converter) {
  high_half table;
  if (!decode_high_half(converter, table)) return INT_MIN;
  auto at = [&](size_t i) -> UChar32 {
    if (i >= bytes.size()) return ' ';
    const auto b = static_cast<unsigned char>(bytes[i]);
    return b < 0x80 ? b : table[b - 0x80];
  };
  int score = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) continue;
    const UChar32 c = at(i), before = i == 0 ? ' ' : at(i - 1), after = at(i + 1);
    if (c == 0xFFFD || (c >= 0x80 && c <= 0x9F))
      score -= 4;
    else if (const int typographic = typographic_score(c, before, after); typographic >= 0)
      score += typographic;
    else if (is_letter(c))
      score += letter_score(c, before, after);
  }
  return score;
}

} // namespace rebuy::core
