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
  std::string level; // the stated answer (buy_again_level label)
  uint64_t n = 0, ordered = 0;
  double rate = NAN;
  stats::interval ci{0, 1}; // Wilson
};

struct calibration_data {
  uint64_t n = 0;                        // responses with both an estimate and an observed outcome
  double brier = NAN;                    // mean (f − o)²
  double observed = NAN;                 // overall share that ordered again
  std::vector<calibration_bin> bins;     // 5 uniform bins, empty ones dropped (scikit-learn)
  std::vector<calibration_level> levels; // observed rate by stated answer
};

class calibration_builder {
public:
  void add(const scanned_response &r);
  calibration_data finish() const;

private:
  struct bin_sums {
    uint64_t n = 0, ordered = 0;
    double predicted = 0;
  };
  std::array<bin_sums, 5> bins_{};
  double squared_error_ = 0;
  uint64_t n_ = 0, ordered_ = 0;
  std::map<std::string, std::pair<uint64_t, uint64_t>, std::less<>> levels_; // n, ordered
};

} // namespace rebuy::core
