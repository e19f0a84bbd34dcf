#include "report/calibration_data.hpp"

#include "stats/proportion.hpp"

namespace rebuy::core {

void calibration_builder::add(const scanned_response &r) {
  if (std::isnan(r.ordered_again)) return;
  const uint64_t o = r.ordered_again == 1;
  if (!r.level_label.empty()) {
    auto it = levels_.find(r.level_label);
    if (it == levels_.end())
      it = levels_.emplace(std::string(r.level_label), std::pair<uint64_t, uint64_t>{}).first;
    ++it->second.first, it->second.second += o;
  }
  if (!r.has_estimate()) return;
  const double f = r.probability;
  // scikit-learn's calibration_curve: bin = number of inner edges (0.2 … 0.8) below f.
  size_t bin = 0;
  for (double edge : {0.2, 0.4, 0.6, 0.8})
    bin += f > edge;
  bins_[bin].n++, bins_[bin].ordered += o, bins_[bin].predicted += f;
  squared_error_ += (f - static_cast<double>(o)) * (f - static_cast<double>(o));
  ++n_, ordered_ += o;
}

calibration_data calibration_builder::finish() const {
  calibration_data out;
  out.n = n_;
  if (n_ > 0) {
    out.brier = squared_error_ / static_cast<double>(n_);
    out.observed = static_cast<double>(ordered_) / static_cast<double>(n_);
  }
  for (size_t i = 0; i < bins_.size(); ++i) {
    const auto &b = bins_[i];
    if (b.n == 0) continue;
    const double n = static_cast<double>(b.n);
    out.bins.push_back({0.2 * static_cast<double>(i), 0.2 * static_cast<double>(i + 1), b.n,
                        b.predicted / n, static_cast<double>(b.ordered) / n});
  }
  for (const auto &[level, counts] : levels_) {
    calibration_level row{level, counts.first, counts.second, NAN,
                          stats::wilson(counts.second, counts.first)};
    row.rate = static_cast<double>(counts.second) / static_cast<double>(counts.first);
    out.levels.push_back(std::move(row));
  }
  return out;
}

} // namespace rebuy::core
