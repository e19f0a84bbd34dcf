#pragma once
// Section 4, beside the themes: key drivers. For each source whose responses rate several
// aspects (driver_items.hpp), how much of would-buy-again and of would-recommend each rating
// accounts for: Johnson's relative weights with bootstrap intervals (stats/relative_weights).
#include "report/driver_items.hpp"
#include "report/response_scan.hpp"
#include "store/sql.hpp"
#include "util/huge_pages.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rebuy::core {

struct driver_item {
  std::string column;
  item_scale scale;
  uint64_t answered = 0;    // responses with the outcome and a rating of this item
  double mean = NAN;        // of those ratings
  double weight = 0;        // the share of the outcome's variance it accounts for, 0..1
  double low = 0, high = 0; // its 95 % bootstrap interval
};

struct driver_set {
  std::string source;
  std::string question;      // the items' shared question ("Q7"), or "" for rated questions
  std::string outcome;       // "would_buy_again" or "would_recommend"
  std::string measure;       // what the outcome is read from, in words
  uint64_t responses = 0;    // with the outcome and at least one rating
  uint64_t sampled_from = 0; // responses with the outcome before sampling (= responses if none)
  double r_squared = 0;      // of the outcome on all the items; the weights add up to it
  std::vector<driver_item> items;        // largest weight first
  std::vector<std::string> summaries;    // overall items left out
  std::vector<std::string> too_few;      // items rated with the outcome fewer than 30 times
  std::vector<std::string> beyond_limit; // items after the first max_driver_items
};

struct drivers_data {
  std::vector<driver_set> sets;
};

// Fewer responses with an outcome than this give no drivers for it.
inline constexpr uint64_t min_driver_responses = 30;
// Above this many, drivers are computed on an evenly spaced sample of them (the bootstrap
// resamples every row 200 times).
inline constexpr uint64_t max_driver_responses = 10000;
// Ratings weighed together at most: the decomposition's cost grows with their cube, and a
// hostile file may have thousands of rating-like columns.
inline constexpr size_t max_driver_items = 40;

// Which columns are items is decided from 500 of a source's responses, chosen by key hash.
class drivers_builder {
public:
  explicit drivers_builder(sql::connection &db);
  void add(const scanned_response &r);
  drivers_data finish();

private:
  struct row {
    response_ref ref;
    float stated, estimated, recommend; // NaN when absent
  };

  sql::statement lookup_; // a response's NPS answer and attributes
  std::map<std::string, huge_vector<row>, std::less<>> sources_;
  huge_vector<row> *last_ = nullptr;
  std::string_view last_source_;
};

} // namespace rebuy::core
