#pragma once
// Section 6: stated vs observed — how the estimated repurchase probability of
// each response compares with whether the customer really ordered again
// (rebuy/ordered_again, present only when orders were imported).
#include "report/figures.hpp"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace rebuy::core {

struct calibration_bin {
  double low = 0, high = 0; // the bin's range of predicted probability
  uint64_t n = 0;
  double mean_predicted = 0; // mean buy_again_probability
  double observed = 0;       // share that ordered again
};

struct calibration_level {
  std::string level;        // the stated answer (buy_again_level label): "probably_not"
  std::string label;        // its words: "Probably not"
  double level_value = NAN; // buy_again_level: 1 the strongest intent … 0 the weakest
  uint64_t n = 0, ordered = 0;
  double rate = NAN;
  stats::interval ci{0, 1}; // Wilson
  double shrunk = NAN;      // (ordered + α·m) / (n + α), m = levels_observed
};

// Responses that said how many times the customer had ordered (post-purchase
// surveys' customer_order_count), by first order or repeat customer, and what
// those with a known outcome did next.
struct order_count_group {
  bool repeat = false;                            // 2+ orders when answering; else the first order
  uint64_t responses = 0, known = 0, ordered = 0; // known: with an observed outcome
  double rate = NAN;                              // ordered / known
  stats::interval ci{0, 1};                       // Wilson
};

// "first order" or "repeat customer (2+ orders)".
const char *order_count_group_name(bool repeat);
// Responses with an order count, over all groups.
uint64_t order_count_responses(const std::vector<order_count_group> &groups);

struct calibration_data {
  int horizon_days = 0;                  // "ordered again": within this many days after responding
  uint64_t n = 0;                        // responses with both an estimate and an observed outcome
  double brier = NAN;                    // mean (f − o)²
  double observed = NAN;                 // overall share that ordered again
  std::vector<calibration_bin> bins;     // 5 uniform bins, empty ones dropped (scikit-learn)
  std::vector<calibration_level> levels; // observed rate by stated answer, strongest intent first
  double shrinkage = NAN;                // α, in pseudo-responses at the overall rate
  double levels_observed = NAN;          // m: the share that ordered again over all levels
  std::vector<order_count_group> order_counts; // first order, then repeat; empty without counts
};

class calibration_builder {
public:
  void add(const scanned_response &r);
  // `shrinkage` is α of the shrunk per-level rates (report_options::shrinkage).
  calibration_data finish(double shrinkage) const;

private:
  struct bin_sums {
    uint64_t n = 0, ordered = 0;
    double predicted = 0;
  };
  std::array<bin_sums, 5> bins_{};
  double squared_error_ = 0;
  uint64_t n_ = 0, ordered_ = 0;
  struct level_sums {
    double value = NAN; // buy_again_level of the label
    uint64_t n = 0, ordered = 0;
  };
  std::map<std::string, level_sums, std::less<>> levels_;
  std::array<order_count_group, 2> order_counts_{}; // [0] first order, [1] repeat
};

} // namespace rebuy::core
