#include "report/csv_report.hpp"

#include "report/csv_writer.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {
namespace {

std::string number(double v, int digits) {
  return std::isfinite(v) ? fmt::format("{:.{}f}", v, digits) : std::string();
}

} // namespace

std::string render_csv_report(const report_data &data) {
  std::string out = "\xEF\xBB\xBF"
                    "dimension,value,responses,buy_again_rate,buy_again_ci_low,buy_again_ci_high,"
                    "buy_again_n,nps,nps_ci_low,nps_ci_high,nps_n,gap,sorted_by,small_sample,"
                    "rate_vs_rest_p,nps_vs_rest_p\r\n";
  for (const auto &b : data.breakdowns)
    for (const auto &r : b.rows) {
      const auto &f = r.values;
      const bool rate = f.rate_n > 0, nps = f.nps_counts.n() > 0;
      out += fmt::format(
          "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_field(b.dimension),
          csv_field(r.value), f.responses, number(f.rate, 4), rate ? number(f.rate_ci.low, 4) : "",
          rate ? number(f.rate_ci.high, 4) : "", f.rate_n, number(100 * f.nps.score, 2),
          nps ? number(100 * f.nps.ci.low, 2) : "", nps ? number(100 * f.nps.ci.high, 2) : "",
          f.nps_counts.n(), number(b.metric == "nps" ? 100 * r.gap : r.gap, 4), b.metric,
          f.small_rate || f.small_nps ? "yes" : "no", number(r.vs_rest.rate.p_value, 4),
          number(r.vs_rest.nps.p_value, 4));
    }
  return out;
}

} // namespace rebuy::core
