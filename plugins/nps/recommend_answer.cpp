#include "recommend_answer.hpp"

#include <rebuy/text_util.hpp>

#include <string>

namespace rebuy::nps {

yes_no_answer parse_yes_no(std::string_view text) {
  std::string_view s = trim_ascii(text);
  if (s.empty()) return {};
  while (!s.empty() && (s.back() == '.' || s.back() == '!'))
    s.remove_suffix(1);
  std::string lower(trim_ascii(s));
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
  const rating_value r = read_rating_value(rating, max_text);
  if (!r.valid) return {std::nullopt, r.rating, r.max, 0, r.problem};
  const double on_ten = r.rating * 10 / r.max;
  const nps_class c = on_ten >= 9   ? nps_class::promoter
                      : on_ten >= 7 ? nps_class::passive
                                    : nps_class::detractor;
  return {c, r.rating, r.max, on_ten, {}};
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
