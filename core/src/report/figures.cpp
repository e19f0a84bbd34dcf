#include "report/figures.hpp"

#include "stats/proportion.hpp"

#include <tuple>
#include <utility>

namespace rebuy::core {

const char *rate_basis_name(rate_basis basis) {
  switch (basis) {
  case rate_basis::answers:
    return "answers";
  case rate_basis::estimate:
    return "estimate";
  case rate_basis::none:
    break;
  }
  return "none";
}

void tally::add(const scanned_response &r) {
  ++responses;
  if (std::isnan(r.nps_class))
    nps_unanswered += r.nps_asked;
  else {
    if (r.nps_class > 0.5)
      ++nps.promoters;
    else if (r.nps_class < -0.5)
      ++nps.detractors;
    else
      ++nps.passives;
  }
  if (!std::isnan(r.would_recommend)) {
    ++recommend_n;
    recommend_yes += r.would_recommend == 1;
  }
  if (!std::isnan(r.top2)) {
    ++answered;
    top2 += r.top2 == 1;
  }
  if (r.has_estimate()) {
    ++estimated;
    likely += r.probability >= 0.5;
    probability_sum += r.probability;
  }
}

tally &tally::operator+=(const tally &o) {
  responses += o.responses;
  nps.promoters += o.nps.promoters;
  nps.passives += o.nps.passives;
  nps.detractors += o.nps.detractors;
  nps_unanswered += o.nps_unanswered;
  recommend_n += o.recommend_n, recommend_yes += o.recommend_yes;
  answered += o.answered, top2 += o.top2;
  estimated += o.estimated, likely += o.likely;
  probability_sum += o.probability_sum;
  return *this;
}

tally &tally::operator-=(const tally &o) {
  responses -= o.responses;
  nps.promoters -= o.nps.promoters;
  nps.passives -= o.nps.passives;
  nps.detractors -= o.nps.detractors;
  nps_unanswered -= o.nps_unanswered;
  recommend_n -= o.recommend_n, recommend_yes -= o.recommend_yes;
  answered -= o.answered, top2 -= o.top2;
  estimated -= o.estimated, likely -= o.likely;
  probability_sum -= o.probability_sum;
  return *this;
}

namespace {

// The rate's numerator and denominator under `basis`.
std::pair<uint64_t, uint64_t> rate_counts(const tally &t, rate_basis basis) {
  if (basis == rate_basis::answers) return {t.top2, t.answered};
  if (basis == rate_basis::estimate) return {t.likely, t.estimated};
  return {0, 0};
}

} // namespace

stats::nps_counts nps_denominator_counts(const tally &t, const report_options &options) {
  stats::nps_counts counts = t.nps;
  // Without a single valid answer there is no NPS under either policy, not a 0.
  if (options.nps_denominator == report_options::denominator::all && counts.n() > 0)
    counts.passives += t.nps_unanswered;
  return counts;
}

rest_tests against_rest(const tally &group, const tally &all, rate_basis basis,
                        const report_options &options) {
  tally rest = all;
  rest -= group;
  rest_tests out;
  out.nps = stats::nps_difference(nps_denominator_counts(group, options),
                                  nps_denominator_counts(rest, options));
  const auto [yes, n] = rate_counts(group, basis);
  const auto [rest_yes, rest_n] = rate_counts(rest, basis);
  if (n > 0 && rest_n > 0) out.rate = stats::proportion_difference(yes, n, rest_yes, rest_n);
  return out;
}

figures figures_of(const tally &t, rate_basis basis, const report_options &options) {
  figures f;
  f.responses = t.responses;
  f.nps_counts = nps_denominator_counts(t, options);
  f.nps_unanswered = f.nps_counts.n() - t.nps.n();
  f.nps = stats::nps_adjusted_wald(f.nps_counts);
  if (options.nps_interval != stats::nps_interval_method::adjusted_wald)
    f.nps.ci = stats::nps_interval(f.nps_counts, options.nps_interval);
  f.small_nps = t.nps.n() > 0 && f.nps.ci.half_width() > options.max_nps_half_width;
  f.recommend_n = t.recommend_n;
  f.recommend_yes = t.recommend_yes;
  if (f.recommend_n > 0) {
    f.recommend_share = static_cast<double>(f.recommend_yes) / static_cast<double>(f.recommend_n);
    f.recommend_ci = stats::wilson(f.recommend_yes, f.recommend_n);
  }
  std::tie(f.rate_yes, f.rate_n) = rate_counts(t, basis);
  if (f.rate_n > 0) {
    f.rate = static_cast<double>(f.rate_yes) / static_cast<double>(f.rate_n);
    f.rate_ci = stats::wilson(f.rate_yes, f.rate_n);
    f.small_rate = f.rate_ci.half_width() > options.max_rate_half_width;
  }
  if (t.estimated > 0) {
    f.probability_n = t.estimated;
    f.expected_probability = t.probability_sum / static_cast<double>(t.estimated);
  }
  return f;
}

} // namespace rebuy::core
