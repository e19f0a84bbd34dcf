#include "response_themes.hpp"

#include "token_span.hpp"

namespace rebuy::themes {

void response_themes::analyze(const rebuy_response &response) {
  rake_.clear();
  theme_phrase_.fill({});
  theme_seen_.fill(false);
  stages_.fill({});
  size_t order = 0;
  for (size_t t = 0; t < response.text_count; ++t)
    add_text(response.texts[t], order);

  themes_.clear();
  theme_evidence_.clear();
  themes_found_ = 0;
  for (size_t i = 1; i < theme_count; ++i) {
    if (!theme_seen_[i]) continue;
    if (themes_found_++ > 0) {
      themes_.push_back(';');
      theme_evidence_.append("; ");
    }
    themes_.append(theme_name(static_cast<theme>(i)));
    theme_evidence_.append(theme_phrase_[i]);
  }

  stage_ = stage::none;
  stage_evidence_ = {};
  size_t best = 0;
  for (size_t i = 1; i < stage_count; ++i) {
    const stage_tally &s = stages_[i];
    if (s.count == 0) continue;
    const stage_tally *b = best ? &stages_[best] : nullptr;
    if (!b || s.count > b->count || (s.count == b->count && s.last > b->last)) best = i;
  }
  if (best) {
    stage_ = static_cast<stage>(best);
    stage_evidence_ = stages_[best].phrase;
  }

  key_phrases_.clear();
  const auto &top = rake_.top(max_key_phrases);
  key_phrase_count_ = top.size();
  key_phrase_evidence_ = top.empty() ? std::string_view() : top.front().as_written;
  for (size_t i = 0; i < top.size(); ++i) {
    if (i > 0) key_phrases_.push_back(';');
    key_phrases_.append(top[i].key);
  }
}

void response_themes::add_text(const rebuy_text &text, size_t &order) {
  if (text.token_count == 0 || !text.tokens) return;
  index_.classify(text, words_, scratch_);
  cues_.clear();
  index_.find_cues(text, words_, cues_);
  for (const cue_match &m : cues_) {
    ++order;
    const std::string_view phrase = as_written(text, m.begin, m.end - 1);
    const auto t = static_cast<size_t>(m.topic);
    if (m.topic != theme::none && !theme_seen_[t]) {
      theme_seen_[t] = true;
      theme_phrase_[t] = phrase;
    }
    if (m.step != stage::none) {
      stage_tally &s = stages_[static_cast<size_t>(m.step)];
      ++s.count;
      s.last = order;
      s.phrase = phrase;
    }
  }
  rake_.add_text(text, words_);
}

} // namespace rebuy::themes
