#include "recommend_answer.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace rebuy::nps {
namespace {

// A plain decimal: digits and an optional fraction; no sign, exponent or comma.
std::optional<double> read_decimal(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.find_first_not_of("0123456789.") != std::string_view::npos) return {};
  double value = 0;
  const auto [end, error] =
      std::from_chars(s.data(), s.data() + s.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return {};
  return value;
}

} // namespace

yes_no_answer parse_yes_no(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty()) return {};
  while (!s.empty() && (s.back() == '.' || s.back() == '!'))
    s.remove_suffix(1);
  std::string lower(trim(s));
  for (char &c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  // UTF-8 ã/Ã and í/Í spelled out: the only accented forms in the lists.
  static constexpr std::string_view yes[] = {"yes", "y",         "true",      "1",  "sim",
                                             "si",  "s\xC3\xAD", "s\xC3\x8D", "ja", "oui"};
  static constexpr std::string_view no[] = {"no",         "n",          "false", "0",  "nao",
                                            "n\xC3\xA3o", "n\xC3\x83o", "nein",  "non"};
  for (std::string_view y : yes)
    if (lower == y) return {true, {}};
  for (std::string_view n : no)
    if (lower == n) return {false, {}};
  return {std::nullopt, "is not yes or no"};
}

rating_class classify_rating(std::string_view rating, std::optional<std::string_view> max_text) {
  if (trim(rating).empty()) return {};
  const std::optional<double> value = read_decimal(rating);
  if (!value) return {std::nullopt, 0, 0, 0, "is not a number"};
  double max = 5;
  if (max_text && !trim(*max_text).empty()) {
    const std::optional<double> m = read_decimal(*max_text);
    if (!m || *m <= 1)
      return {std::nullopt, *value, 0, 0, "has a maximum that is not a number above 1"};
    max = *m;
  }
  if (*value > max) return {std::nullopt, *value, max, 0, "is above the rating's maximum"};
  const double on_ten = *value * 10 / max;
  const nps_class c = on_ten >= 9   ? nps_class::promoter
                      : on_ten >= 7 ? nps_class::passive
                                    : nps_class::detractor;
  return {c, *value, max, on_ten, {}};
}

std::string_view proxy_label(nps_class c) {
  switch (c) {
  case nps_class::promoter:
    return "promoter_proxy";
  case nps_class::passive:
    return "passive_proxy";
  case nps_class::detractor:
    break;
  }
  return "detractor_proxy";
}

} // namespace rebuy::nps
