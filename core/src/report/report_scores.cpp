#include "report/report_scores.hpp"

#include "report/response_scan.hpp"
#include "store/read_beside.hpp"
#include "store/score_store.hpp"
#include "util/string_map.hpp"

#include <array>
#include <atomic>

namespace rebuy::core {

void score_column::read(sql::connection &db, int64_t first_id, int64_t last_id) {
  const size_t size = last_id >= first_id ? static_cast<size_t>(last_id - first_id + 1) : 0;
  first_ = first_id;
  if (what_ != kept::label) values_.assign(size, NAN);
  if (what_ != kept::value) labels_.assign(size, 0);
  labels_dict_.assign(1, std::string());
  string_map<uint32_t> index; // label → its place in labels_dict_
  metric_reader scores(db, analyzer_, metric_, /*with_evidence=*/false);
  while (const page_score *s = scores.next()) {
    const size_t at = static_cast<size_t>(s->response_id - first_);
    if (at >= size) continue; // written after the report started
    if (what_ != kept::label) values_[at] = s->value;
    if (what_ != kept::value && !s->label.empty()) {
      std::string_view label = s->label;
      auto it = index.find(label);
      if (it == index.end()) {
        it = index.emplace(std::string(label), static_cast<uint32_t>(labels_dict_.size())).first;
        labels_dict_.emplace_back(label);
      }
      labels_[at] = it->second;
    }
  }
}

report_scores::report_scores(sql::connection &db) {
  const response_ids ids = stored_response_ids(db);
  const int64_t first_id = ids.first, last_id = ids.last;
  ids_ = last_id >= first_id ? static_cast<size_t>(last_id - first_id + 1) : 0;
  // Two connections take the next unread metric until none is left: both cores read.
  const std::array columns{&nps_,   &recommend_, &top2_,   &level_,  &probability_,
                           &basis_, &ordered_,   &repeat_, &themes_, &stage_};
  std::atomic<size_t> next{0};
  auto read_the_next = [&](sql::connection &c) {
    for (size_t i; (i = next++) < columns.size();)
      columns[i]->read(c, first_id, last_id);
  };
  auto beside = read_beside(db, read_the_next);
  read_the_next(db);
  beside.get();
}

void report_scores::fill(scanned_response &r) const {
  r.nps_class = nps_.value(r.id);
  r.would_recommend = recommend_.value(r.id);
  r.top2 = top2_.value(r.id);
  r.level = level_.value(r.id);
  r.level_label = level_.label(r.id);
  r.probability = probability_.value(r.id);
  r.basis = basis_.label(r.id);
  r.ordered_again = ordered_.value(r.id);
  r.repeat_customer = repeat_.value(r.id);
  r.themes = themes_.label(r.id);
}

} // namespace rebuy::core
