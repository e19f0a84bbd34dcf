#pragma once
// Stated intent against reported behaviour: surveys that ask "how likely are
// you to recommend us?" sometimes also ask "have you recommended us?". Per NPS
// class, the share who say they did shows how much the intent is worth.
#include "report/report_options.hpp"
#include "stats/types.hpp"
#include "store/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rebuy::core {

struct reported_referral_row {
  std::string nps_class;               // promoter, passive, detractor
  uint64_t yes = 0, no = 0, other = 0; // other: "I don't remember", ...
  double share_yes = 0;                // yes / (yes + no)
  stats::interval ci{};                // Wilson 95 %
};

struct reported_referral {
  std::string question; // the column that records it, e.g. "Recommended"
  std::vector<reported_referral_row> rows;
};

// nullopt when no imported column records whether people recommended: a column
// named in the past tense ("Recommended", "Have you recommended us?") kept as
// an attribute, answered yes or no. Honours the filter's source and period;
// attribute conditions (--where) are not applied to this table.
std::optional<reported_referral> reported_referral_of(sql::connection &db,
                                                      const report_filter &filter);

} // namespace rebuy::core
