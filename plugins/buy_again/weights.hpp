#pragma once
// Box weights for the expected repurchase probability: the share of each
// 5-point box expected to buy again, top box first. The presets are the two
// published practitioner conventions of methods.md (also in core's
// stats/repurchase.hpp, which plugins cannot include).
#include "intent_scale.hpp"

#include <optional>
#include <string_view>

namespace rebuy::buy_again {

// "thirds": 0.81/0.27/0.09/0.03/0.01, each box a third of the one above (the
// default); "top2": 0.75/0.25/0/0/0.
std::optional<box_weights> preset_weights(std::string_view name);

// A star rating is satisfaction, not intent, and weaker evidence than an answer: the default
// reading of a rating's position, 5★ first: 0.80/0.65/0.35/0.12/0.05. The satisfied boxes of the
// CSAT convention (4★ and 5★) lie above one half, the top below an intent answer's 0.81. Set by
// hand; core calibrates it on the store's own ratings beside answers or orders.
inline constexpr box_weights rating_default_weights{0.80, 0.65, 0.35, 0.12, 0.05};

// "a,b,c,d,e": five numbers in [0, 1], top box first, never increasing
// downwards; blanks around the numbers are allowed. Throws rebuy::error with
// the reason (naming `option`, e.g. "weights") otherwise.
box_weights parse_weights(std::string_view text, std::string_view option = "weights");

// "0.81/0.27/0.09/0.03/0.01", for evidence and the log.
std::string format_weights(const box_weights &weights);

} // namespace rebuy::buy_again
