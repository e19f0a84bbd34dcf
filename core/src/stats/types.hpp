#pragma once
// Result types shared by the estimators in core/src/stats.

namespace rebuy::core::stats {

// A closed confidence interval [low, high] on the estimator's own scale.
struct interval {
  double low;
  double high;

  // Half the width: the "±" a report shows and compares against a limit. Not
  // the distance from the point estimate, which adjusted intervals do not centre.
  double half_width() const { return (high - low) / 2; }
  bool contains(double x) const { return low <= x && x <= high; }
};

// A two-sided z-test of "a and b are equal".
struct two_sample_test {
  double difference; // a − b, the numerator of z: the sign says which side is higher
  double z;
  double p_value; // two-sided, from the standard normal
};

} // namespace rebuy::core::stats
