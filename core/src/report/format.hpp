#pragma once
// How the text reports (Markdown, HTML, CSV) write numbers, so all three say
// the same thing in the same words. "n/a" wherever nothing can be computed.
#include "report/figures.hpp"
#include "util/format_count.hpp"

#include <string>
#include <string_view>

namespace rebuy::core {

// "+36.3" style NPS points (nps on −1..1); "n/a" when there is no score.
std::string format_points(double nps);
// "+36.3 to +43.4"; "n/a" without answers.
std::string format_nps_interval(const figures &f);
// "62.5 %" (share on 0..1); "n/a" when unknown.
std::string format_percent(double share);
// "58.1–66.7 %"; "n/a" without a denominator.
std::string format_rate_interval(const figures &f);
// The would-recommend share's 95 % interval, "88.9–90.0 %"; "n/a" without answers.
std::string format_recommend_interval(const figures &f);
// "+3.1 pts" (a difference of shares, in percentage points) or "−4.0 NPS pts".
std::string format_point_change(double difference);
// "p = 0.03, significant" / "p = 0.41, not significant" / "not testable".
std::string format_test(const stats::two_sample_test &test);
// A group against the rest: "▼ p = 0.012", "p = 0.41", "▲ p < 0.001"; the mark
// when p < 0.05, its direction the sign of the difference; "n/a" when not testable.
std::string format_vs_rest(const stats::two_sample_test &test);
// The words of a stored answer level (buy_again/buy_again_level's label):
// "probably_not" → "Probably not", "strongly_agree" → "Strongly agree",
// "yes" → "Yes", "juster_7" → "7 in 10 (Juster)".
std::string answer_words(std::string_view level);
// "1,234.50"; "n/a" for NaN.
std::string format_money(double value);

} // namespace rebuy::core
