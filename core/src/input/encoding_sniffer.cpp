#include "input/encoding_sniffer.hpp"

#include "input/code_page_score.hpp"
#include "input/icu_decoder.hpp"
#include "input/utf8_decoder.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <memory>
#include <vector>

namespace rebuy::core {

namespace {

// Below this ICU's detector is guessing; short Latin text often comes back as some other code page.
// Single-byte code pages are never taken on its word alone: they are scored against windows-1252.
constexpr int32_t min_confidence = 50;
// Candidates the detector ranks lower than this are not even worth scoring.
constexpr int32_t min_runner_up_confidence = 20;

struct charset_guess {
  std::string name;
  int32_t confidence = 0;
};

// The detector's candidates, most likely first.
std::vector<charset_guess> ask_icu(std::string_view head) {
  std::vector<charset_guess> guesses;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_FAILURE(status)) return guesses;
  ucsdet_setText(detector.get(), head.data(), static_cast<int32_t>(head.size()), &status);
  int32_t count = 0;
  const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const char *name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_SUCCESS(status) && name) guesses.push_back({name, confidence});
  }
  return guesses;
}

// 0 when ICU has no such converter.
int max_bytes_per_char(const std::string &converter) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(converter.c_str(), &status),
                                                         &ucnv_close);
  return U_SUCCESS(status) ? ucnv_getMaxCharSize(cnv.get()) : 0;
}

bool is_unicode(const std::string &name) {
  return name == "UTF-16LE" || name == "UTF-16BE" || name == "UTF-32LE" || name == "UTF-32BE";
}

// Whether `head` read as `converter` is nearly all printable characters and line ends. The
// detector calls any NUL-rich bytes UTF-16 or UTF-32 ("\0\1\2\3" is UTF-32BE to it); binary files
// must stay as they are, so their importers see what they are.
bool reads_as_text(std::string_view head, const std::string &converter) {
  icu_decoder decoder(converter.c_str());
  std::string text;
  decoder.decode(head, false, text);
  size_t printable = 0, total = 0;
  const auto *u = reinterpret_cast<const uint8_t *>(text.data());
  for (size_t i = 0; i < text.size();) {
    UChar32 c;
    U8_NEXT(u, i, text.size(), c);
    ++total;
    if (c == '\t' || c == '\n' || c == '\r' || (c > 0 && u_isprint(c))) ++printable;
  }
  return total > 0 && decoder.invalid_sequences() == 0 && printable * 100 >= total * 95;
}

// windows-1252, Mac Roman or one of the detector's single-byte candidates, whichever reads best;
// ties go to windows-1252, by far the commonest legacy export, then to Mac Roman. On short text the
// detector's confidences are close together, so its runners-up are scored too.
detected_encoding best_code_page(std::string_view head, const std::vector<charset_guess> &guesses) {
  detected_encoding best{"windows-1252", "windows-1252", 0, true};
  int best_score = code_page_score(head, "windows-1252");
  auto consider = [&](const std::string &name) {
    const int score = code_page_score(head, name.c_str());
    if (score > best_score) {
      best = {name, name, 0, true};
      best_score = score;
    }
  };
  consider("macintosh");
  for (const charset_guess &guess : guesses) {
    const bool latin1 = guess.name == "ISO-8859-1" || guess.name == "windows-1252";
    if (guess.confidence >= min_runner_up_confidence && !latin1 &&
        max_bytes_per_char(guess.name) == 1)
      consider(guess.name);
  }
  return best;
}

bool starts_with(std::string_view head, std::string_view prefix) {
  return head.substr(0, prefix.size()) == prefix;
}

} // namespace

detected_encoding detect_encoding(std::string_view head) {
  using namespace std::string_view_literals;
  if (starts_with(head, "\xEF\xBB\xBF"sv)) return {"UTF-8 (BOM)", "", 3, false};
  // UTF-32LE's BOM begins like UTF-16LE's, so it goes first.
  if (starts_with(head, "\xFF\xFE\0\0"sv)) return {"UTF-32LE", "UTF-32LE", 4, true};
  if (starts_with(head, "\0\0\xFE\xFF"sv)) return {"UTF-32BE", "UTF-32BE", 4, true};
  if (starts_with(head, "\xFF\xFE"sv)) return {"UTF-16LE", "UTF-16LE", 2, true};
  if (starts_with(head, "\xFE\xFF"sv)) return {"UTF-16BE", "UTF-16BE", 2, true};

  // A stray bad byte does not make a UTF-8 file legacy: legacy text almost never forms valid
  // multi-byte sequences, so those outnumbering the invalid ones say UTF-8 with damage.
  const utf8_census census = count_utf8(head, false);
  const bool utf8 = census.invalid == 0 || census.multibyte > census.invalid;
  // NUL bytes are valid UTF-8 but not text: they are how UTF-16 without a BOM looks.
  if (utf8 && head.find('\0') == std::string_view::npos) return {"UTF-8", "", 0, false};

  const std::vector<charset_guess> guesses = ask_icu(head);
  const charset_guess top = guesses.empty() ? charset_guess{} : guesses.front();
  if (top.confidence >= min_confidence && is_unicode(top.name) && reads_as_text(head, top.name))
    return {top.name, top.name, 0, true};
  if (utf8) return {"UTF-8", "", 0, false};
  if (top.confidence >= min_confidence && top.name != "UTF-8" && max_bytes_per_char(top.name) > 1)
    return {top.name, top.name, 0, true}; // Shift_JIS, GB18030, Big5, EUC-KR...
  return best_code_page(head, guesses);
}

} // namespace rebuy::core
