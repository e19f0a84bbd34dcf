#pragma once
// The word-like segments of ASCII text exactly as ICU's root word break iterator finds them
// (UAX #29 as ICU tailors it: the colon joins nothing), without running ICU's state machine:
// most feedback is ASCII, and the iterator was a tenth of the analysis.
#include <cstdint>
#include <string_view>

namespace rebuy::core {

// Calls visit(start, end, rule_status) for each segment ICU would give a rule status of 100 or
// more, in order: UBRK_WORD_NUMBER (100) when it ends in a digit, or in '_' after a digit;
// UBRK_WORD_LETTER (200) otherwise. Spaces, punctuation and a lone '_' are left out, as ICU gives
// them status 0. `text` must be ASCII.
template <class Visit> void for_each_ascii_word(std::string_view text, Visit &&visit) {
  enum kind : uint8_t { other, letter, digit, connector };
  auto kind_of = [](char c) {
    // '@' is a letter since Unicode 15, so that an e-mail address is one word.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return letter;
    if (c >= '0' && c <= '9') return digit;
    return c == '_' ? connector : other;
  };
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    kind previous = kind_of(text[i]);
    if (previous == other) {
      ++i;
      continue;
    }
    const size_t start = i++;
    int32_t status = previous == letter ? 200 : previous == digit ? 100 : 0;
    while (i < n) {
      const kind next = kind_of(text[i]);
      if (next != other) { // WB5, WB8-10, WB13a-b: letters, digits and '_' all join
        status = next == letter ? 200 : next == digit ? 100 : previous == digit ? 100 : 200;
        previous = next, ++i;
        continue;
      }
      // WB6-7: letter (. or ') letter; WB11-12: digit (. ' , or ;) digit.
      const char mid = text[i];
      if (i + 1 < n && previous != connector && kind_of(text[i + 1]) == previous &&
          (mid == '.' || mid == '\'' || (previous == digit && (mid == ',' || mid == ';')))) {
        i += 2;
        continue; // status stays: the same kind as before the mid character
      }
      break;
    }
    if (status != 0) visit(start, i, status);
  }
}

} // namespace rebuy::core
