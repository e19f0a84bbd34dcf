#pragma once
// The scores a report reads, held in arrays indexed by response id: each
// metric is read once, as its pages in order, so the scan over the responses
// needs no join and no lookup per row.
#include "store/sql.hpp"
#include "util/huge_pages.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

struct scanned_response;

// One metric's values and/or labels by response id. Values stay doubles: a
// probability of 0.2 must fall in the same calibration bin as it was written.
class score_column {
public:
  enum class kept { value, label, both };
  score_column(const char *analyzer, const char *metric, kept what)
      : analyzer_(analyzer), metric_(metric), what_(what) {}

  // Reads the metric for responses first_id..last_id.
  void read(sql::connection &db, int64_t first_id, int64_t last_id);
  double value(int64_t id) const {
    size_t at = static_cast<size_t>(id - first_);
    return at < values_.size() ? values_[at] : NAN;
  }
  std::string_view label(int64_t id) const {
    size_t at = static_cast<size_t>(id - first_);
    return at < labels_.size() ? std::string_view(labels_dict_[labels_[at]]) : std::string_view();
  }

private:
  const char *analyzer_, *metric_;
  kept what_;
  int64_t first_ = 0;
  huge_vector<double> values_;
  huge_vector<uint32_t> labels_;         // index into labels_dict_
  std::vector<std::string> labels_dict_; // [0] is "no label"
};

class report_scores {
public:
  // Reads every metric of every response in the store.
  explicit report_scores(sql::connection &db);
  report_scores(report_scores &&) = default;

  // Sets r's scores from r.id.
  void fill(scanned_response &r) const;
  std::string_view journey_stage(int64_t id) const { return stage_.label(id); }
  // How many response ids the store had: an upper bound on what a report covers.
  size_t ids() const { return ids_; }

private:
  size_t ids_ = 0;
  using kept = score_column::kept;
  score_column nps_{"nps", "nps_class", kept::value};
  score_column recommend_{"nps", "would_recommend", kept::value};
  score_column top2_{"buy_again", "buy_again_top2_box", kept::value};
  score_column level_{"buy_again", "buy_again_level", kept::both};
  score_column probability_{"rebuy", "buy_again_probability", kept::value};
  score_column basis_{"rebuy", "buy_again_basis", kept::label};
  score_column ordered_{"rebuy", "ordered_again", kept::value};
  score_column repeat_{"buy_again", "repeat_customer", kept::value};
  score_column themes_{"themes", "themes", kept::label};
  score_column stage_{"themes", "journey_stage", kept::label};
};

} // namespace rebuy::core
