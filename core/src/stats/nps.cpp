#include "stats/nps.hpp"

#include "stats/normal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace rebuy::core::stats {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr interval whole_range{-1, 1};

// Counts as doubles, so the pseudo-counts of the adjusted estimators fit in.
struct shares {
  double d, n, p;

  double total() const { return d + n + p; }
  double score() const { return (p - d) / total(); }
  double variance() const {
    const double pp = p / total(), dd = d / total();
    return pp + dd - (pp - dd) * (pp - dd);
  }
};

shares raw(nps_counts c) {
  return {static_cast<double>(c.detractors), static_cast<double>(c.passives),
          static_cast<double>(c.promoters)};
}

// The pseudo-counts of the adjusted Wald interval: 3 extra respondents spread
// as a quarter detractor, half passive, quarter promoter.
shares adjusted(nps_counts c) {
  const shares s = raw(c);
  return {s.d + 0.75, s.n + 1.5, s.p + 0.75};
}

interval clamped(double centre, double half_width) {
  return {std::max(-1.0, centre - half_width), std::min(1.0, centre + half_width)};
}

} // namespace

nps_counts nps_tally(std::span<const int> scores) {
  nps_counts c;
  for (int s : scores) {
    if (s < 0 || s > 10) throw std::invalid_argument("an NPS answer must be an integer 0-10");
    if (s >= 9)
      ++c.promoters;
    else if (s >= 7)
      ++c.passives;
    else
      ++c.detractors;
  }
  return c;
}

double nps_score(nps_counts counts) { return counts.n() == 0 ? nan : raw(counts).score(); }

double nps_variance(nps_counts counts) { return counts.n() == 0 ? nan : raw(counts).variance(); }

interval nps_wald(nps_counts counts, double confidence) {
  const double z = z_for_confidence(confidence);
  if (counts.n() == 0) return whole_range;
  const shares s = raw(counts);
  return clamped(s.score(), z * std::sqrt(s.variance() / s.total()));
}

nps_estimate nps_adjusted_wald(nps_counts counts, double confidence) {
  const double z = z_for_confidence(confidence);
  const uint64_t n = counts.n();
  if (n == 0) return {nan, nan, whole_range, 0};
  const shares s = raw(counts), a = adjusted(counts);
  return {s.score(), std::sqrt(s.variance() / s.total()),
          clamped(a.score(), z * std::sqrt(a.variance() / a.total())), n};
}

two_sample_test nps_difference(nps_counts a, nps_counts b) {
  if (a.n() == 0 || b.n() == 0) return {nan, nan, nan};
  const shares sa = adjusted(a), sb = adjusted(b);
  const double difference = sa.score() - sb.score();
  // Never zero: the pseudo-counts keep every adjusted variance positive.
  const double se = std::sqrt(sa.variance() / sa.total() + sb.variance() / sb.total());
  const double z = difference / se;
  return {difference, z, two_sided_p_value(z)};
}

double nps_sample_size(double variance, double margin, double confidence) {
  if (!(variance >= 0 && variance <= 1))
    throw std::invalid_argument("an NPS variance lies between 0 and 1");
  if (!(margin > 0)) throw std::invalid_argument("the margin of error must be positive");
  const double z = z_for_confidence(confidence);
  return std::max(0.0, z * z * variance / (margin * margin) - 3);
}

} // namespace rebuy::core::stats
