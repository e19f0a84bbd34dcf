// The SDK's text helpers, which plugin authors use as they are.
#include <rebuy/plugin.hpp>
#include <rebuy/text_util.hpp>

#include <doctest/doctest.h>

TEST_CASE("sdk short_number: six significant digits, no float noise, no locale") {
  CHECK(rebuy::short_number(0.54) == "0.54");
  CHECK(rebuy::short_number(0.1 + 0.2) == "0.3");
  CHECK(rebuy::short_number(4) == "4");
  CHECK(rebuy::short_number(1234567.0) == "1.23457e+06");
}

TEST_CASE("sdk field_name_or and utf8_prefix") {
  rebuy_field named{};
  named.name = rebuy::to_str("Score");
  CHECK(rebuy::field_name_or(named, "nps") == "Score");
  CHECK(rebuy::field_name_or(rebuy_field{}, "nps") == "nps");
  CHECK(rebuy::utf8_prefix("não", 2) == "n"); // never half of "ã"
  CHECK(rebuy::utf8_prefix("não", 3) == "nã");
}
