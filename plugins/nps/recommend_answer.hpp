#pragma once
// Two more referral signals next to the 0-10 answer: a yes/no "would you
// recommend us?" answer, and a star rating read as a stand-in for the NPS
// class. Pure functions, no SDK.
#include "nps_answer.hpp"

#include <optional>
#include <string_view>

namespace rebuy::nps {

struct yes_no_answer {
  std::optional<bool> yes;
  std::string_view problem; // static; empty with an answer and for a blank one
};

// Yes/no in English, Portuguese, Spanish, German and French, any case, with
// a trailing "." or "!": yes y true 1 sim sí si ja oui / no n false 0 não nao
// nein non. Anything else ("I don't remember.", "maybe") has no answer.
yes_no_answer parse_yes_no(std::string_view text);

struct rating_class {
  std::optional<nps_class> cls;
  double rating = 0, max = 0;
  double on_ten = 0;        // 10 · rating / max
  std::string_view problem; // static; empty with a class and for a blank rating
};

// The rating proxy: the rating rescaled to 0-10 (10 · rating / max) and cut
// like an NPS answer, ≥ 9 promoter, ≥ 7 passive, else detractor. On 5 stars:
// 5★ (and 4.5★) promoter, 4★ passive, 3★ and below detractor; on a 0-10
// rating the NPS cut-offs themselves. `rating` is a plain decimal 0..max;
// `max` is the RATING_MAX field, 5 when absent, and must be above 1.
rating_class classify_rating(std::string_view rating, std::optional<std::string_view> max);

// "promoter_proxy", "passive_proxy" or "detractor_proxy": never the labels of
// nps_class, so a proxy is never counted as an answer.
std::string_view proxy_label(nps_class c);

} // namespace rebuy::nps
