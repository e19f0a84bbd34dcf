#pragma once
// The numbers of a would-buy-again report, computed from the store alone:
// reports never call plugins, so a report can be rebuilt from the database.
#include "stats/nps.hpp"
#include "store/run_log.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct report_filter {
  std::string source; // empty: every source
};

struct nps_summary {
  stats::nps_counts counts;
  stats::nps_estimate estimate;
  std::vector<std::string> questions; // the source columns the answers came from
};

struct source_summary {
  std::string source;
  uint64_t responses = 0;
  nps_summary nps;
};

// How often each answer to the would-buy-again question was given, as given:
// the scale is whatever the source used.
struct answer_count {
  std::string answer;
  uint64_t count = 0;
};

struct report_data {
  std::string generated_at;
  uint64_t responses = 0;
  std::string first_submitted, last_submitted;
  nps_summary nps;
  std::vector<answer_count> buy_again_answers; // most frequent first
  uint64_t buy_again_answered = 0;
  std::vector<source_summary> sources;
  std::vector<import_run> runs;
  std::string denominator_policy = "answered only: responses without a valid 0-10 answer are "
                                   "not counted";
};

report_data build_report(sql::connection &db, const report_filter &filter);

// NPS of the responses matching `filter` (helper for the import summary).
nps_summary nps_of(sql::connection &db, const report_filter &filter);

} // namespace rebuy::core
