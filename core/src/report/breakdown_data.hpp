#pragma once
// Section 3: breakdowns by segment, product, source, journey stage and every
// --by dimension, each row sorted by its gap to the overall figure.
#include "report/figures.hpp"
#include "util/string_map.hpp"

#include <string>
#include <vector>

namespace rebuy::core {

struct breakdown_row {
  std::string value;
  figures values;
  double gap = NAN;   // the row's figure minus the overall one, on the sorting metric
  rest_tests vs_rest; // the row against every other response of the report
};

struct breakdown_data {
  std::string dimension;
  std::string metric; // "rate" or "nps": what rows are sorted by (worst gap first)
  std::vector<breakdown_row> rows;
  uint64_t not_given = 0; // responses without a value for this dimension
  size_t values = 0;      // distinct values; rows keeps the max_rows largest
};

class breakdown_builder {
public:
  explicit breakdown_builder(std::vector<std::string> dimensions);
  void add(const scanned_response &r);
  // `all` is the tally of every response the report covers (the rows' rest is all minus the row).
  std::vector<breakdown_data> finish(const tally &all, const figures &overall, rate_basis basis,
                                     const report_options &options) const;

private:
  struct dimension_tallies {
    std::string name;
    string_map<tally> values;
    uint64_t not_given = 0;
  };
  std::vector<dimension_tallies> dims_;
};

} // namespace rebuy::core
