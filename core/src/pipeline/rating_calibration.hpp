#pragma once
// A star rating says how satisfied a customer was, not whether they will buy again, and how
// satisfaction turns into buying again differs from one business to the next. Where the store
// holds ratings next to what the same customers did (rebuy/ordered_again) or said (an explicit
// answer: buy_again/buy_again_top2_box), the reading of each rating is learnt from those pairs:
// per rating, the share that ordered again (or that say they would buy again), shrunk toward
// the analyzer's default reading of that rating with α pseudo-responses, (y + α·d)/(n + α), then
// made monotone in the rating (pool adjacent violators, weighted by n + α). Observed orders are
// preferred to answers; ratings no pair has keep the default.
#include "store/sql.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rebuy::core {

// Fewer pairs than this leave the analyzer's default in force.
inline constexpr uint64_t min_calibration_pairs = 30;

struct rating_step {
  double position = 0; // (rating − 1)/(max − 1), 0..1, as the buy_again analyzer places it
  std::string rating;  // "4 of 5"
  uint64_t pairs = 0;  // responses at this rating with the outcome
  double observed = 0; // their mean outcome: the share that ordered again, or that would buy again
  double fallback = 0; // the analyzer's default reading of the rating
  double calibrated = 0;
};

struct rating_calibration {
  std::string basis;        // "orders" or "answers"; empty when there were too few pairs of either
  uint64_t pairs = 0;       // of the basis, over every rating
  uint64_t other_pairs = 0; // of the other kind, not used
  double shrinkage = 10;    // α
  std::vector<rating_step> steps; // by position; only ratings that need a reading

  bool fitted() const { return !basis.empty(); }
  // The step of a rating's position, or nullptr: the default stands.
  const rating_step *at(double position) const;
};

// Where a rating sits on its scale, as the buy_again analyzer computes it; nullopt when the
// maximum makes no scale.
std::optional<double> rating_position(double rating, std::optional<double> max);

rating_calibration fit_rating_calibration(sql::connection &db, double shrinkage);

// Kept in the store (settings.rating_calibration, JSON) for reports to say how ratings were read.
void store_rating_calibration(sql::connection &db, const rating_calibration &c);
std::optional<rating_calibration> stored_rating_calibration(sql::connection &db);

} // namespace rebuy::core
