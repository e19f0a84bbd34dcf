#include "intent_scale.hpp"

namespace rebuy::buy_again {

int points(scale s) {
  switch (s) {
  case scale::intent5:
  case scale::agree5:
    return 5;
  case scale::yes_no:
    return 2;
  case scale::juster:
    return 11;
  case scale::agree7:
    break;
  }
  return 7;
}

std::string_view describe(scale s) {
  switch (s) {
  case scale::intent5:
    return "5-point intent";
  case scale::yes_no:
    return "yes/no";
  case scale::juster:
    return "Juster 0-10";
  case scale::agree5:
    return "1-5 agreement";
  case scale::agree7:
    break;
  }
  return "1-7 agreement";
}

std::string_view name(level l) {
  static constexpr std::string_view intent5[] = {"definitely_not", "probably_not", "unsure",
                                                 "probably", "definitely"};
  static constexpr std::string_view yes_no[] = {"no", "yes"};
  static constexpr std::string_view juster[] = {"juster_0", "juster_1", "juster_2", "juster_3",
                                                "juster_4", "juster_5", "juster_6", "juster_7",
                                                "juster_8", "juster_9", "juster_10"};
  static constexpr std::string_view agree5[] = {"strongly_disagree", "disagree", "neutral", "agree",
                                                "strongly_agree"};
  static constexpr std::string_view agree7[] = {
      "strongly_disagree", "disagree", "somewhat_disagree", "neutral",
      "somewhat_agree",    "agree",    "strongly_agree"};
  switch (l.on) {
  case scale::intent5:
    return intent5[l.rank];
  case scale::yes_no:
    return yes_no[l.rank];
  case scale::juster:
    return juster[l.rank];
  case scale::agree5:
    return agree5[l.rank];
  case scale::agree7:
    break;
  }
  return agree7[l.rank];
}

double position(level l) { return static_cast<double>(l.rank) / (points(l.on) - 1); }

bool top_box(level l) { return l.rank == points(l.on) - 1; }

bool top2_box(level l) {
  if (l.on == scale::yes_no) return l.rank == 1;
  return l.rank >= points(l.on) - 2;
}

double probability(level l, const box_weights &w) {
  switch (l.on) {
  case scale::intent5:
  case scale::agree5:
    return w[4 - l.rank];
  case scale::yes_no:
    return l.rank == 1 ? (w[0] + w[1]) / 2 : (w[3] + w[4]) / 2;
  case scale::juster:
    return l.rank / 10.0;
  case scale::agree7:
    break;
  }
  // Ranks 6..0 of the 7-point scale, top first.
  const double seven[] = {w[0], w[1], (w[1] + w[2]) / 2, w[2], (w[2] + w[3]) / 2, w[3], w[4]};
  return seven[6 - l.rank];
}

} // namespace rebuy::buy_again
