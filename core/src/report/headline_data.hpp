#pragma once
// Section 1: the headline — would-buy-again rate, expected repurchase
// probability, NPS, n, period, and the change against the previous period.
#include "report/figures.hpp"

#include <map>
#include <string>
#include <vector>

namespace rebuy::core {

// How often each answer to the would-buy-again question was given, as given.
struct answer_count {
  std::string answer;
  uint64_t count = 0;
};

struct comparison_data {
  bool available = false; // false: no dated responses to compare
  std::string current_from, current_to, previous_from, previous_to; // YYYY-MM-DD, inclusive
  figures current, previous;
  stats::two_sample_test nps_test{NAN, NAN, NAN};  // current − previous
  stats::two_sample_test rate_test{NAN, NAN, NAN}; // current − previous
};

struct headline_data {
  figures overall;
  rate_basis basis = rate_basis::none;
  std::string first_day, last_day; // the period covered; empty when nothing is dated
  uint64_t undated = 0; // responses without a readable date (counted unless dates filter)
  std::vector<answer_count> estimate_bases; // buy_again_basis label → responses with an estimate
  std::vector<answer_count> buy_again_answers; // raw answers, most frequent first
  uint64_t buy_again_answered = 0;
  comparison_data change;
};

// Significance of a two-sample test at 5 %: "up", "down" or "" (not significant / unknown).
std::string significance(const stats::two_sample_test &test);

class headline_builder {
public:
  void add(const scanned_response &r, int64_t day);
  void add_current(const scanned_response &r) { current_.add(r); }
  void add_previous(const scanned_response &r) { previous_.add(r); }
  const tally &overall() const { return overall_; }
  headline_data finish(rate_basis basis, const report_options &options);

private:
  tally overall_, current_, previous_;
  int64_t first_ = -1, last_ = -1;
  uint64_t undated_ = 0;
  std::map<std::string, uint64_t, std::less<>> bases_, answers_;
};

} // namespace rebuy::core
