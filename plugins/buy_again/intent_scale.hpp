#pragma once
// The answer scales a repurchase-intent question comes on, and what each
// answer level means: its name, its position, its boxes and its expected
// repurchase probability under a set of box weights.
#include <array>
#include <string_view>

namespace rebuy::buy_again {

enum class scale {
  intent5, // Definitely would … Definitely would not
  yes_no,
  juster, // 0 = no chance … 10 = certain (Juster 1966)
  agree5, // 1-5 agreement with "I would buy again"
  agree7, // 1-7 agreement
};

// One answer: a rank on its scale, 0 the lowest (weakest intent).
struct level {
  scale on;
  int rank;
  bool operator==(const level &o) const { return on == o.on && rank == o.rank; }
};

// Number of levels on the scale: 5, 2, 11, 5, 7.
int points(scale s);

// "1-5 agreement" etc., for evidence strings.
std::string_view describe(scale s);

// The level name stored as the buy_again_level label: definitely, probably,
// unsure, probably_not, definitely_not; yes, no; juster_0 … juster_10;
// strongly_agree, agree, (7-point only: somewhat_agree,) neutral,
// (somewhat_disagree,) disagree, strongly_disagree.
std::string_view name(level l);

// rank / (points − 1): 0 for the lowest level, 1 for the highest.
double position(level l);

// The highest level; for Juster 10.
bool top_box(level l);
// The two highest levels; for yes/no just yes; for Juster 9-10.
bool top2_box(level l);

// Box weights, top box first: the share of each 5-point box expected to buy.
using box_weights = std::array<double, 5>;

// Expected repurchase probability of an answer:
// - 5-point intent and 1-5 agreement: the weight of the box;
// - 1-7 agreement: 7 and 6 take the top two weights, 4 the middle one, 2 and
//   1 the bottom two, and 5 and 3 the mean of their neighbours, so that the
//   top and top-2 boxes weigh the same on both agreement scales;
// - yes: the mean of the top two weights, no: of the bottom two (a forced
//   choice folds "definitely" and "probably" together);
// - Juster: rank / 10, the scale's own probability; weights are not used.
double probability(level l, const box_weights &weights);

} // namespace rebuy::buy_again
