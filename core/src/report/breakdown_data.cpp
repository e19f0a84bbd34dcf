#include "report/breakdown_data.hpp"

#include <algorithm>

namespace rebuy::core {

breakdown_builder::breakdown_builder(std::vector<std::string> dimensions) {
  for (auto &d : dimensions)
    dims_.push_back({std::move(d), {}, 0});
}

void breakdown_builder::add(const scanned_response &r) {
  for (size_t i = 0; i < dims_.size() && i < r.dims.size(); ++i) {
    auto &d = dims_[i];
    if (r.dims[i].empty()) {
      ++d.not_given;
      continue;
    }
    entry(d.values, r.dims[i]).add(r);
  }
}

std::vector<breakdown_data> breakdown_builder::finish(const tally &all, const figures &overall,
                                                      rate_basis basis,
                                                      const report_options &options) const {
  std::vector<breakdown_data> out;
  const bool by_rate = basis != rate_basis::none;
  for (const auto &d : dims_) {
    breakdown_data b;
    b.dimension = d.name;
    b.metric = by_rate ? "rate" : "nps";
    b.not_given = d.not_given;
    b.values = d.values.size();
    // Keep the largest groups before computing their figures: a dimension can
    // have a value per response, and some intervals cost a quadrature.
    std::vector<std::pair<std::string_view, const tally *>> kept;
    for (const auto &[value, t] : d.values)
      kept.emplace_back(value, &t);
    std::sort(kept.begin(), kept.end(), [](const auto &a, const auto &c) {
      return a.second->responses != c.second->responses ? a.second->responses > c.second->responses
                                                        : a.first < c.first;
    });
    if (kept.size() > options.max_rows) kept.resize(options.max_rows);
    for (const auto &[value, t] : kept) {
      breakdown_row row{std::string(value), figures_of(*t, basis, options), NAN,
                        against_rest(*t, all, basis, options)};
      row.gap = by_rate ? row.values.rate - overall.rate : row.values.nps.score - overall.nps.score;
      b.rows.push_back(std::move(row));
    }
    // Then show the worst gap first; unknown gaps last.
    std::stable_sort(b.rows.begin(), b.rows.end(),
                     [](const breakdown_row &a, const breakdown_row &c) {
                       if (std::isnan(a.gap) || std::isnan(c.gap))
                         return !std::isnan(a.gap) && std::isnan(c.gap);
                       return a.gap < c.gap;
                     });
    out.push_back(std::move(b));
  }
  return out;
}

} // namespace rebuy::core
