#pragma once
// Shares of respondents (top box, top-2 box, CSAT %, would buy again): the
// Wilson score interval and the pooled two-proportion z-test.
//
// Empty samples: wilson() returns the whole range [0, 1] and
// proportion_difference() returns NaN in all fields (see stats/nps.hpp for
// why NaN rather than a made-up number).
#include "stats/types.hpp"

#include <cstdint>

namespace rebuy::core::stats {

// Wilson score interval for successes / n, clamped to [0, 1]. Unlike the Wald
// interval it stays inside [0, 1] and keeps its coverage near 0 % and 100 %.
// Throws std::invalid_argument if successes > n or the confidence is not in (0, 1).
interval wilson(uint64_t successes, uint64_t n, double confidence = 0.95);

// Pooled two-proportion z-test of pa = pb for independent samples:
// z = (pa − pb) / sqrt(p̄(1 − p̄)(1/na + 1/nb)), p̄ the pooled share;
// `difference` is pa − pb. When p̄ is 0 or 1 both shares are equal: z = 0, p = 1.
// Throws std::invalid_argument if successes exceed their n.
two_sample_test proportion_difference(uint64_t successes_a, uint64_t n_a, uint64_t successes_b,
                                      uint64_t n_b);

} // namespace rebuy::core::stats
