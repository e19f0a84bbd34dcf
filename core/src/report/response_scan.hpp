#pragma once
// One pass over the responses a report covers, each with the scores the
// report reads (report_scores, read beforehand): no per-row joins or lookups.
#include "report/report_options.hpp"
#include "report/report_scores.hpp"
#include "store/response_ref.hpp"
#include "store/sql.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

// What a response says about coming back, from the best evidence it has:
// its explicit answer when there is one, else the estimated probability.
enum class intent { unknown, would_not, unsure, would };

// The fixed breakdowns; --by dimensions follow them in scanned_response::dims.
inline constexpr const char *fixed_dimensions[] = {"segment", "product", "source", "journey_stage"};
inline constexpr size_t fixed_dimension_count = 4;

struct scanned_response {
  int64_t id = 0;
  int64_t key_hash = 0;                                  // of its source and key (response_ref.hpp)
  int64_t run_id = 0;                                    // the import run that stored it
  bool nps_answered = false, recommend_answered = false; // its NPS and would-recommend columns
  std::string_view submitted_at, customer, text, buy_again_answer;
  // fixed_dimensions, then options.by; held by whoever holds the response (no allocation per row)
  std::span<const std::string_view> dims;
  double order_value = NAN;
  bool nps_asked = false; // its import's file has an NPS column (answered or not)
  // Scores; NaN (or empty) when the analyzer said nothing.
  double nps_class = NAN;       // nps/nps_class: +1, 0, −1
  double would_recommend = NAN; // nps/would_recommend: a yes/no answer, 1/0
  double top2 = NAN;            // buy_again/buy_again_top2_box: 1/0
  double level = NAN;           // buy_again/buy_again_level: 0..1
  std::string_view level_label;
  double probability = NAN;     // rebuy/buy_again_probability
  std::string_view basis;       // rebuy/buy_again_basis
  double ordered_again = NAN;   // rebuy/ordered_again
  double repeat_customer = NAN; // buy_again/repeat_customer: 1 for 2+ orders when answering
  std::string_view themes;      // themes/themes: "delivery;price"

  response_ref ref() const { return {id, key_hash}; }
  bool has_estimate() const { return !std::isnan(probability) && basis != "none"; }
  intent stated_intent() const;
};

// Streams every response matching options.filter's source and attribute
// conditions (dates are the caller's business: the previous period lies
// outside them). Throws usage_error for an attribute name rebuy cannot query.
void scan_responses(sql::connection &db, const report_options &options, const report_scores &scores,
                    const std::function<void(const scanned_response &)> &visit);

// The same scan with each visitor on a thread of its own, seeing every response in order while
// this thread reads the next ones: visitors must not share what they change. Rethrows the first
// failure of a visitor.
using response_visitor = std::function<void(const scanned_response &)>;
void scan_responses_in_parallel(sql::connection &db, const report_options &options,
                                const report_scores &scores,
                                const std::vector<response_visitor> &visitors);

// The columns of an import run's mapping (JSON) with a given role ("nps", or
// "attribute" for unmapped ones), each once, in mapping order.
std::vector<std::string> columns_with_role(std::string_view mapping, const char *role);

// The runs some responses answered a question of, in the order of the first response of each:
// what the questions asked are read from, gathered during a scan instead of one of their own.
class answered_runs {
public:
  void add(int64_t run_id) {
    if (run_id != last_ && std::find(runs_.begin(), runs_.end(), run_id) == runs_.end())
      runs_.push_back(run_id);
    last_ = run_id;
  }
  // The columns with `role` in those runs' mappings, each once.
  std::vector<std::string> questions(sql::connection &db, const char *role) const;

private:
  std::vector<int64_t> runs_;
  int64_t last_ = -1;
};

// The SQL condition (on `responses r`) for the filter's source and --where,
// with its parameters starting at ?1; exposed for the queries that aggregate.
struct filter_sql {
  std::string condition;
  std::vector<std::string> parameters;
};
filter_sql filter_condition(sql::dialect dialect, const report_filter &filter);
void bind_all(sql::statement &s, const filter_sql &f);

// The SQL expression for a dimension or attribute name: a response column, or
// a JSON attribute (its path appended to `parameters`).
std::string dimension_expression(sql::dialect dialect, const std::string &name,
                                 std::vector<std::string> &parameters);

} // namespace rebuy::core
