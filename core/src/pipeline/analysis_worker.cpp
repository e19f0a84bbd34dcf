#include "pipeline/analysis_worker.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

analysis_worker::analysis_worker(const std::vector<plugin_ptr> &analyzers,
                                 const option_list &options, const scoped_options &scoped,
                                 const std::string &subject) {
  for (const auto &p : analyzers)
    analyzers_.push_back(
        std::make_unique<analyzer_instance>(p, options_for(p->id(), options, scoped), subject));
}

void analysis_worker::run(loaded_batch &batch) {
  // Text first, for all responses: tokenised once, shared by every analyzer.
  text_.clear();
  text_ranges_.assign(batch.responses.size(), {0, 0});
  for (size_t i = 0; i < batch.responses.size(); ++i) {
    const auto &r = batch.responses[i];
    for (size_t f = r.first_field; f < r.first_field + r.field_count; ++f) {
      const auto &field = batch.fields[f];
      if (field.role != REBUY_ROLE_TITLE && field.role != REBUY_ROLE_TEXT) continue;
      size_t index = text_.add(batch.view(field.value), field.role, batch.view(field.name));
      if (text_ranges_[i].second++ == 0) text_ranges_[i].first = index;
    }
  }
  auto texts = text_.texts();

  fields_.clear();
  for (const auto &f : batch.fields)
    fields_.push_back({f.role, to_str(batch.view(f.name)), to_str(batch.view(f.value))});

  for (uint32_t a = 0; a < analyzers_.size(); ++a) {
    responses_.clear();
    for (size_t i = 0; i < batch.responses.size(); ++i) {
      const auto &r = batch.responses[i];
      if (!(r.pending & (1ull << a))) continue;
      const auto [first_text, text_count] = text_ranges_[i];
      responses_.push_back({r.id, r.kind, fields_.data() + r.first_field, r.field_count,
                            text_count ? texts.data() + first_text : nullptr, text_count});
    }
    if (responses_.empty()) continue;
    for (const auto &s : analyzers_[a]->analyze(responses_, batch.sequence + 1))
      batch.scores.push_back({responses_[s.response_index].id, a, s.metric, s.value,
                              batch.keep_score_text(to_view(s.label)),
                              batch.keep_score_text(to_view(s.evidence))});
  }
}

} // namespace rebuy::core
