#include "report/format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace rebuy::core {

std::string format_points(double nps) {
  if (!std::isfinite(nps)) return "n/a";
  double points = std::round(nps * 1000.0) / 10.0;
  return fmt::format("{}{:.1f}", points > 0 ? "+" : points < 0 ? "" : "±", points);
}

std::string format_nps_interval(const figures &f) {
  if (f.nps_counts.n() == 0) return "n/a";
  return fmt::format("{} to {}", format_points(f.nps.ci.low), format_points(f.nps.ci.high));
}

std::string format_percent(double share) {
  if (!std::isfinite(share)) return "n/a";
  return fmt::format("{:.1f} %", 100 * share);
}

std::string format_rate_interval(const figures &f) {
  if (f.rate_n == 0) return "n/a";
  return fmt::format("{:.1f}–{:.1f} %", 100 * f.rate_ci.low, 100 * f.rate_ci.high);
}

std::string format_recommend_interval(const figures &f) {
  if (f.recommend_n == 0) return "n/a";
  return fmt::format("{:.1f}–{:.1f} %", 100 * f.recommend_ci.low, 100 * f.recommend_ci.high);
}

std::string format_point_change(double difference) {
  if (!std::isfinite(difference)) return "n/a";
  double points = std::round(difference * 1000.0) / 10.0;
  return fmt::format("{}{:.1f} pts", points > 0 ? "+" : points < 0 ? "" : "±", points);
}

std::string format_test(const stats::two_sample_test &test) {
  if (!std::isfinite(test.p_value)) return "not testable";
  return fmt::format("p = {:.2f}, {}", test.p_value,
                     test.p_value < 0.05 ? "significant" : "not significant");
}

std::string format_vs_rest(const stats::two_sample_test &test) {
  if (!std::isfinite(test.p_value)) return "n/a";
  const char *mark = !(test.p_value < 0.05) ? "" : test.difference > 0 ? "▲ " : "▼ ";
  if (test.p_value < 0.001) return fmt::format("{}p < 0.001", mark);
  return fmt::format("{}p = {:.3f}", mark, test.p_value);
}

std::string answer_words(std::string_view level) {
  constexpr std::string_view juster = "juster_";
  if (level.substr(0, juster.size()) == juster)
    return fmt::format("{} in 10 (Juster)", level.substr(juster.size()));
  std::string words(level);
  for (auto &c : words)
    if (c == '_') c = ' ';
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z')
    words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

std::string format_money(double value) {
  if (!std::isfinite(value)) return "n/a";
  auto whole = static_cast<uint64_t>(std::llround(std::floor(std::fabs(value))));
  auto cents =
      static_cast<int>(std::llround((std::fabs(value) - std::floor(std::fabs(value))) * 100));
  if (cents == 100) ++whole, cents = 0;
  return fmt::format("{}{}.{:02d}", value < 0 ? "-" : "", format_count(whole), cents);
}

} // namespace rebuy::core
