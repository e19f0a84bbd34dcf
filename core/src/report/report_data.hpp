#pragma once
// The numbers of a would-buy-again report, computed from the store alone:
// reports never call plugins, so a report can be rebuilt from the database.
// Each section has its own file; build_report runs one pass over the
// responses and hands each response to every section's builder.
#include "pipeline/rating_calibration.hpp"
#include "pipeline/text_model.hpp"
#include "report/breakdown_data.hpp"
#include "report/calibration_data.hpp"
#include "report/customers_data.hpp"
#include "report/drivers_data.hpp"
#include "report/headline_data.hpp"
#include "report/report_options.hpp"
#include "report/reported_referral.hpp"
#include "report/run_mapping.hpp"
#include "report/themes_data.hpp"
#include "report/trend_data.hpp"
#include "stats/nps.hpp"
#include "store/run_log.hpp"
#include "store/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rebuy::core {

struct nps_summary {
  stats::nps_counts counts;
  stats::nps_estimate estimate;
  std::vector<std::string> questions; // the source columns the answers came from
};

// Section 7: where the numbers come from.
struct quality_data {
  std::vector<import_run> runs;
  std::vector<std::vector<std::string>> unmapped; // per run: columns kept only as attributes
  std::vector<std::vector<mapped_column>> mapped; // per run: roles, scales and why
  std::vector<std::string> nps_questions;
  std::vector<std::string> recommend_questions; // yes/no would-recommend columns
  std::string denominator_policy;               // nps_denominator_definition of the options
  uint64_t nps_unanswered = 0; // asked the NPS question, no valid answer (either policy)
};

// A plugin set aside on this machine after it crashed: its figures stop where it did.
struct set_aside_plugin {
  std::string id, file, reason;
};

struct report_data {
  std::string generated_at;
  report_options options;
  uint64_t responses = 0; // in the period and filter
  // Of those, responses imported since the last analysis (`rebuy import
  // --no-analyze`): no figure from analyzer scores counts them yet.
  uint64_t awaiting_analysis = 0;
  // Not from the store: the command adds what this machine knows (plugin_verdicts).
  std::vector<set_aside_plugin> set_aside;
  headline_data headline;
  trend_data trend;
  std::vector<breakdown_data> breakdowns;
  themes_data themes;
  drivers_data drivers;
  customers_data customers;
  calibration_data calibration;
  std::optional<reported_referral> referral; // stated NPS class against "have you recommended us?"
  // How ratings were read into estimates (analyze keeps it); nullopt when none was.
  std::optional<rating_calibration> rating_reading;
  // The store's text model (analyze keeps its summary); nullopt before the first analysis.
  std::optional<text_model_summary> text_model;
  quality_data quality;
};

report_data build_report(sql::connection &db, const report_options &options);

// What the would-recommend share is, in words: not NPS.
inline constexpr const char *recommend_definition =
    "the share answering yes to a yes/no would-recommend question (a stated recommendation, "
    "not a Net Promoter Score)";

// The definition of the would-buy-again rate in force, in words.
std::string rate_definition(rate_basis basis);

// How the estimates from ratings were read, in words; "" when no estimate came from a rating.
std::string rating_reading_note(const report_data &data);
// How the estimates from texts were read, in words; "" when no estimate came from a text.
std::string text_reading_note(const report_data &data);

// NPS of one source's responses, or of all with an empty source (the import summary).
nps_summary nps_of(sql::connection &db, const std::string &source);

} // namespace rebuy::core
