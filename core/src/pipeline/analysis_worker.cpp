#include "pipeline/analysis_worker.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

analysis_worker::analysis_worker(const std::vector<plugin_ptr> &analyzers,
                                 const option_list &options) {
  for (const auto &p : analyzers)
    analyzers_.push_back(std::make_unique<analyzer_instance>(p, options));
}

void analysis_worker::run(loaded_batch &batch) {
  // Text first, for all responses: tokenised once, shared by every analyzer.
  text_.clear();
  std::vector<std::pair<size_t, size_t>> text_ranges(batch.responses.size());
  for (size_t i = 0; i < batch.responses.size(); ++i) {
    size_t first = SIZE_MAX, count = 0;
    for (const auto &f : batch.responses[i].fields) {
      if (f.role != REBUY_ROLE_TITLE && f.role != REBUY_ROLE_TEXT) continue;
      size_t index = text_.add(f.value, f.role, f.name);
      if (first == SIZE_MAX) first = index;
      ++count;
    }
    text_ranges[i] = {first == SIZE_MAX ? 0 : first, count};
  }
  auto texts = text_.texts();

  size_t field_total = 0;
  for (const auto &r : batch.responses)
    field_total += r.fields.size();
  fields_.clear();
  fields_.reserve(field_total);
  for (const auto &r : batch.responses)
    for (const auto &f : r.fields)
      fields_.push_back({f.role, to_str(f.name), to_str(f.value)});

  for (uint32_t a = 0; a < analyzers_.size(); ++a) {
    responses_.clear();
    batch_index_.clear();
    size_t field_offset = 0;
    for (size_t i = 0; i < batch.responses.size(); ++i) {
      const auto &r = batch.responses[i];
      if (r.pending & (1ull << a)) {
        const auto [first_text, text_count] = text_ranges[i];
        responses_.push_back({r.id, r.kind, fields_.data() + field_offset, r.fields.size(),
                              text_count ? texts.data() + first_text : nullptr, text_count});
        batch_index_.push_back(i);
      }
      field_offset += r.fields.size();
    }
    if (responses_.empty()) continue;
    for (const auto &s : analyzers_[a]->analyze(responses_))
      batch.scores.push_back({responses_[s.response_index].id, a, s.metric, s.value,
                              std::string(to_view(s.label)), std::string(to_view(s.evidence))});
    for (const auto &r : responses_)
      batch.analyzed.emplace_back(a, r.id);
  }
}

} // namespace rebuy::core
