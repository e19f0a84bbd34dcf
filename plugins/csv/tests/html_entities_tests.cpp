#include <rebuy/text_util.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {
std::string decode(std::string_view s) {
  std::string scratch;
  return std::string(rebuy::decode_html_entities(s, scratch));
}
} // namespace

TEST_CASE("html: the entities review exports carry") {
  CHECK(decode("don&#39;t") == "don't");
  CHECK(decode("don&#x27;t") == "don't");
  CHECK(decode("A &amp; B") == "A & B");
  CHECK(decode("&quot;ok&quot;") == "\"ok\"");
  CHECK(decode("&lt;b&gt;") == "<b>");
  CHECK(decode("a&nbsp;b") == "a\xC2\xA0"
                              "b");
  CHECK(decode("caf&#233;") == "caf\xC3\xA9");
  CHECK(decode("&#x1F600;") == "\xF0\x9F\x98\x80");
}

TEST_CASE("html: one pass, and anything unknown stays as written") {
  CHECK(decode("&amp;lt;") == "&lt;");
  CHECK(decode("no entities") == "no entities");
  CHECK(decode("AT&T") == "AT&T");
  CHECK(decode("a & b") == "a & b");
  CHECK(decode("&unknown;") == "&unknown;");
  CHECK(decode("&#0;&#xD800;&#x110000;&#;&#x;") == "&#0;&#xD800;&#x110000;&#;&#x;");
  CHECK(decode("&#99999999999;") == "&#99999999999;");
  CHECK(decode("trailing &") == "trailing &");
  CHECK(decode("&amp") == "&amp");
  CHECK(decode("&&amp;&") == "&&&");
}
