#include "report/headline_data.hpp"

#include "stats/proportion.hpp"

#include <algorithm>

namespace rebuy::core {
namespace {

std::vector<answer_count> sorted_counts(const std::map<std::string, uint64_t, std::less<>> &m) {
  std::vector<answer_count> out;
  for (const auto &[k, v] : m)
    out.push_back({k, v});
  std::stable_sort(out.begin(), out.end(),
                   [](const answer_count &a, const answer_count &b) { return a.count > b.count; });
  return out;
}

void count(std::map<std::string, uint64_t, std::less<>> &m, std::string_view key) {
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), 0).first;
  ++it->second;
}

} // namespace

std::string significance(const stats::two_sample_test &test) {
  if (!(test.p_value < 0.05)) return "";
  return test.difference > 0 ? "up" : "down";
}

void headline_builder::add(const scanned_response &r, int64_t day) {
  overall_.add(r);
  if (day < 0)
    ++undated_;
  else {
    first_ = first_ < 0 ? day : std::min(first_, day);
    last_ = std::max(last_, day);
  }
  if (r.has_estimate()) count(bases_, r.basis);
  if (!r.buy_again_answer.empty()) count(answers_, r.buy_again_answer);
}

headline_data headline_builder::finish(rate_basis basis, const report_options &options) {
  headline_data out;
  out.basis = basis;
  out.overall = figures_of(overall_, basis, options);
  if (first_ >= 0) out.first_day = format_day(first_), out.last_day = format_day(last_);
  out.undated = undated_;
  out.estimate_bases = sorted_counts(bases_);
  out.buy_again_answers = sorted_counts(answers_);
  for (const auto &a : out.buy_again_answers)
    out.buy_again_answered += a.count;
  out.change.current = figures_of(current_, basis, options);
  out.change.previous = figures_of(previous_, basis, options);
  out.change.available = current_.responses > 0 || previous_.responses > 0;
  out.change.nps_test =
      stats::nps_difference(out.change.current.nps_counts, out.change.previous.nps_counts);
  const auto &c = out.change.current, &p = out.change.previous;
  if (c.rate_n > 0 && p.rate_n > 0)
    out.change.rate_test = stats::proportion_difference(c.rate_yes, c.rate_n, p.rate_yes, p.rate_n);
  return out;
}

} // namespace rebuy::core
