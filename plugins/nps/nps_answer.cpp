#include "nps_answer.hpp"

#include <rebuy/text_util.hpp>

#include <charconv>
#include <system_error>

namespace rebuy::nps {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes a leading separator of a labelled answer; false if there is none.
bool consume_separator(std::string_view &s) {
  // UTF-8 en and em dashes: tools that typeset their labels use them.
  for (std::string_view sep : {"-", ":", "=", "(", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (s.substr(0, sep.size()) == sep) {
      s.remove_prefix(sep.size());
      return true;
    }
  }
  return false;
}

// " - Extremely likely" after the number. The label must not start like a
// number, so ranges ("5-6") and arithmetic are not read as a labelled 5.
bool is_label(std::string_view rest) {
  rest = trim_ascii(rest);
  if (!consume_separator(rest)) return false;
  rest = trim_ascii(rest);
  if (rest.empty()) return false;
  const char c = rest.front();
  return !is_digit(c) && c != '.' && c != '+' && c != '-';
}

} // namespace

answer parse_answer(std::string_view text) {
  const std::string_view s = trim_ascii(text);
  if (s.empty()) return {};

  int value = 0;
  const char *const end = s.data() + s.size();
  const auto [next, error] = std::from_chars(s.data(), end, value);
  if (error == std::errc::invalid_argument) return {std::nullopt, "is not a number"};
  std::string_view rest(next, static_cast<size_t>(end - next));

  // A fraction: only zeros make it a whole number ("10.0", "9.00").
  // A decimal comma is not read: "9,10" could as well be a list.
  if (rest.size() > 1 && rest.front() == '.' && is_digit(rest[1])) {
    size_t digits = 1;
    bool whole = true;
    for (; digits < rest.size() && is_digit(rest[digits]); ++digits)
      if (rest[digits] != '0') whole = false;
    if (!whole) return {std::nullopt, "is not a whole number"};
    rest.remove_prefix(digits);
  }
  if (!rest.empty() && !is_label(rest))
    return {std::nullopt, "has unexpected text after the number"};
  if (error == std::errc::result_out_of_range || value < 0 || value > 10)
    return {std::nullopt, "is out of range 0-10"};
  return {value, {}};
}

nps_class classify(int score) {
  if (score >= 9) return nps_class::promoter;
  if (score >= 7) return nps_class::passive;
  return nps_class::detractor;
}

std::string_view label(nps_class c) {
  switch (c) {
  case nps_class::promoter:
    return "promoter";
  case nps_class::passive:
    return "passive";
  case nps_class::detractor:
    break;
  }
  return "detractor";
}

} // namespace rebuy::nps
