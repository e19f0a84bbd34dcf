#include "util/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using rebuy::core::is_valid_utf8;
using rebuy::core::repair_utf8;

TEST_CASE("UTF-8 is checked past every character that is not ASCII") {
  const std::string ascii(40, 'a');
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8(ascii));
  // Several characters of two to four bytes, each between runs of ASCII longer than a word.
  CHECK(is_valid_utf8(ascii + "\xc3\xa9" + ascii + "\xe2\x80\x9c" + ascii + "\xf0\x9f\x98\x80"));
  CHECK(is_valid_utf8("\xc3\xa9\xc3\xa9\xc3\xa9"));
  // An ill-formed sequence after a valid character and more ASCII: found wherever it is.
  for (const std::string bad : {"\xff", "\xc3", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80", "\x80"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_utf8(bad));
    CHECK_FALSE(is_valid_utf8(ascii + bad));
    CHECK_FALSE(is_valid_utf8(ascii + "\xc3\xa9" + ascii + bad + ascii));
    CHECK_FALSE(is_valid_utf8("\xe2\x80\x9c" + bad));
    CHECK(repair_utf8(ascii + "\xc3\xa9" + bad + "z").ends_with("\xef\xbf\xbdz"));
  }
}
