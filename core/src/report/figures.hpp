#pragma once
// The figures every part of the report shows for a group of responses —
// responses, NPS with its interval, the would-buy-again rate with its interval —
// and the tally they are computed from.
#include "report/report_options.hpp"
#include "report/response_scan.hpp"
#include "stats/nps.hpp"
#include "stats/types.hpp"

#include <cstdint>

namespace rebuy::core {

// How the would-buy-again rate is measured. Chosen once per report and never
// mixed: explicit answers whenever any response in the report has one.
enum class rate_basis {
  answers,  // share of explicit repurchase answers in the top-2 box
  estimate, // share of responses whose estimated buy_again_probability is ≥ 0.5
  none      // neither exists: no rate
};
const char *rate_basis_name(rate_basis basis);

struct tally {
  uint64_t responses = 0;
  stats::nps_counts nps;
  uint64_t nps_unanswered = 0;                 // asked the NPS question, no valid answer
  uint64_t recommend_n = 0, recommend_yes = 0; // yes/no would-recommend answers, and the yeses
  uint64_t answered = 0, top2 = 0;             // explicit answers, and those in the top-2 box
  uint64_t estimated = 0, likely = 0;          // responses with an estimate, and those ≥ 0.5
  double probability_sum = 0;                  // over `estimated`

  void add(const scanned_response &r);
  tally &operator+=(const tally &other);
  tally &operator-=(const tally &other);
};

struct figures {
  uint64_t responses = 0;
  // The NPS's denominator by class; under --nps-denominator all, passives
  // include the nps_unanswered responses (they count as 0, like a passive).
  stats::nps_counts nps_counts;
  uint64_t nps_unanswered = 0; // asked, no valid answer, counted in nps_counts ("all" only)
  stats::nps_estimate nps{NAN, NAN, {-1, 1}, 0}; // score NaN without answers; ci by the
                                                 // report's --nps-interval
  // The share answering yes to a yes/no would-recommend question: a referral
  // figure where a source states it without a 0-10 question. Never NPS.
  uint64_t recommend_n = 0, recommend_yes = 0;
  double recommend_share = NAN; // 0..1, NaN without answers
  stats::interval recommend_ci{0, 1};
  uint64_t rate_n = 0, rate_yes = 0;
  double rate = NAN; // 0..1, NaN without a denominator
  stats::interval rate_ci{0, 1};
  double expected_probability = NAN; // mean estimated probability; NaN without estimates
  uint64_t probability_n = 0;
  bool small_nps = false, small_rate = false; // interval wider than the options allow
};

figures figures_of(const tally &t, rate_basis basis, const report_options &options);

// A group against the rest of the responses (`all` minus the group): the
// two-sample NPS test and the two-proportion test of the rate, group − rest.
// NaN fields (not testable) when either side has no answers.
struct rest_tests {
  stats::two_sample_test nps{NAN, NAN, NAN};
  stats::two_sample_test rate{NAN, NAN, NAN};
};
rest_tests against_rest(const tally &group, const tally &all, rate_basis basis,
                        const report_options &options);

// The counts an NPS is computed from under the options' denominator policy
// (a group without any valid answer stays empty under "all" too).
stats::nps_counts nps_denominator_counts(const tally &t, const report_options &options);

} // namespace rebuy::core
