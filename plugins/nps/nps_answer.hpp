#pragma once
// Reading one 0-10 "how likely are you to recommend us" answer, and the
// standard Net Promoter classes. Pure functions, no SDK: the tests cover them
// without going through the plugin ABI.
#include <optional>
#include <string_view>

namespace rebuy::nps {

// The value of each class is what the nps_class metric stores: the mean of
// these values over respondents is the NPS on the −1..1 scale.
enum class nps_class { detractor = -1, passive = 0, promoter = 1 };

struct answer {
  std::optional<int> score; // 0..10 when the text is a valid answer
  // Why there is no score, for the log ("is not a whole number"); a static
  // string. Empty when there is a score, and for a blank answer: a skipped
  // question is not a malformed one.
  std::string_view problem;
};

// Accepts, after trimming ASCII white space: an integer 0-10 ("9", "09"), an
// integer written with a zero fraction ("10.0"), and a labelled answer as some
// survey tools export it, an integer, a separator (- – — : = or an opening
// parenthesis) and text ("10 - Extremely likely", "0 (Not at all likely)").
// Everything else is rejected rather than coerced: 7.5, 11, -1, "9/10",
// "5-6", free text.
answer parse_answer(std::string_view text);

// The standard cut-offs, fixed by the definition of NPS: 9-10 promoter, 7-8
// passive, 0-6 detractor. The score must be 0..10.
nps_class classify(int score);

// "promoter", "passive" or "detractor".
std::string_view label(nps_class c);

} // namespace rebuy::nps
