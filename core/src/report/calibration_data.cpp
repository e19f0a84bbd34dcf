#include "report/calibration_data.hpp"

#include "report/format.hpp"
#include "stats/calibration.hpp"
#include "stats/proportion.hpp"

#include <algorithm>

namespace rebuy::core {

const char *order_count_group_name(bool repeat) {
  return repeat ? "repeat customer (2+ orders)" : "first order";
}

uint64_t order_count_responses(const std::vector<order_count_group> &groups) {
  uint64_t n = 0;
  for (const auto &g : groups)
    n += g.responses;
  return n;
}

void calibration_builder::add(const scanned_response &r) {
  if (!std::isnan(r.repeat_customer)) {
    auto &g = order_counts_[r.repeat_customer == 1];
    ++g.responses;
    if (!std::isnan(r.ordered_again)) ++g.known, g.ordered += r.ordered_again == 1;
  }
  if (std::isnan(r.ordered_again)) return;
  const uint64_t o = r.ordered_again == 1;
  if (!r.level_label.empty()) {
    auto it = levels_.find(r.level_label);
    if (it == levels_.end())
      it = levels_.emplace(std::string(r.level_label), level_sums{r.level, 0, 0}).first;
    ++it->second.n, it->second.ordered += o;
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

calibration_data calibration_builder::finish(double shrinkage) const {
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
  std::vector<stats::level_outcomes> outcomes;
  uint64_t level_n = 0, level_ordered = 0;
  for (const auto &[level, sums] : levels_) {
    calibration_level row{level,
                          answer_words(level),
                          sums.value,
                          sums.n,
                          sums.ordered,
                          NAN,
                          stats::wilson(sums.ordered, sums.n)};
    row.rate = static_cast<double>(sums.ordered) / static_cast<double>(sums.n);
    out.levels.push_back(std::move(row));
    outcomes.push_back({sums.n, sums.ordered});
    level_n += sums.n, level_ordered += sums.ordered;
  }
  for (size_t i = 0; i < order_counts_.size(); ++i) {
    order_count_group g = order_counts_[i];
    if (g.responses == 0) continue;
    g.repeat = i == 1;
    if (g.known > 0) {
      g.rate = static_cast<double>(g.ordered) / static_cast<double>(g.known);
      g.ci = stats::wilson(g.ordered, g.known);
    }
    out.order_counts.push_back(g);
  }
  out.shrinkage = shrinkage;
  if (level_n > 0)
    out.levels_observed = static_cast<double>(level_ordered) / static_cast<double>(level_n);
  const auto shrunk = stats::shrunk_rates(outcomes, shrinkage);
  for (size_t i = 0; i < out.levels.size(); ++i)
    out.levels[i].shrunk = shrunk[i];
  // The scale's order, strongest intent first; labels without a level value last.
  std::stable_sort(out.levels.begin(), out.levels.end(),
                   [](const calibration_level &a, const calibration_level &b) {
                     if (std::isnan(a.level_value) || std::isnan(b.level_value))
                       return !std::isnan(a.level_value) && std::isnan(b.level_value);
                     return a.level_value > b.level_value;
                   });
  return out;
}

} // namespace rebuy::core
