#include "phrase_matcher.hpp"

#include <algorithm>
#include <array>

namespace rebuy::text_signals {
namespace {

class matcher {
public:
  matcher(const phrase_rule &rule, const sentence_span &s) : rule_(rule), s_(s) {}

  // Matches the rule's elements from `element` on at token `at`; on success sets end_.
  bool match(size_t element, uint32_t at) {
    if (element == rule_.elements.size()) {
      end_ = at;
      return true;
    }
    const pattern_element &e = rule_.elements[element];
    if (e.is_gap()) {
      // The gap may not cross a contrast ("buy, but again..."). Longest gap first, so the
      // evidence quotes the whole phrase: "never buy from them again", not "never buy from".
      uint32_t longest = 0;
      while (longest < e.max_gap && at + longest < s_.end && !is_contrast(s_.terms[at + longest]) &&
             !starts_sentence(at + longest))
        ++longest;
      for (uint32_t skip = longest + 1; skip-- > 0;) {
        if (!match(element + 1, at + skip)) continue;
        for (uint32_t k = at; k < at + skip; ++k)
          note_gap_word(k);
        return true;
      }
      return false;
    }
    // No match reaches over a full stop the sentence breaker missed ("Returning these. the").
    const bool crosses = element > 0 && at < s_.end && starts_sentence(at);
    if (!crosses && at < s_.end && e.accepts(s_.terms[at].id) && match(element + 1, at + 1))
      return true;
    return e.optional && match(element + 1, at);
  }

  uint32_t end() const noexcept { return end_; }
  const gap_cues &gaps() const noexcept { return gaps_; }

private:
  bool starts_sentence(uint32_t k) const noexcept {
    return s_.terms[k].before == boundary::sentence;
  }

  void note_gap_word(uint32_t k) {
    const term &t = s_.terms[k];
    const auto first = [&](int64_t &slot, bool is) {
      if (is && slot < 0) slot = k;
    };
    first(gaps_.negator, t.negates_next() || (t.meaning && t.meaning->has(sense::post_negator)));
    first(gaps_.doubt, t.has(cue::doubt));
    first(gaps_.hedge, t.has(cue::hedge));
    first(gaps_.former, t.has(cue::former));
    first(gaps_.eager, t.has(cue::eager_verb));
    first(gaps_.certainty, t.has(cue::certainty));
  }

  const phrase_rule &rule_;
  const sentence_span &s_;
  uint32_t end_ = 0;
  gap_cues gaps_;
};

constexpr size_t signal_count = 3;

} // namespace

void find_phrases(const lexicon &lex, language lang, const sentence_span &s,
                  std::vector<phrase_match> &out) {
  std::array<uint32_t, signal_count> covered_until{}; // per signal: no new match starts before
  // A negator inside an earlier match was used by it: "no complaints, would recommend".
  uint32_t used_until = s.first;
  const size_t first_match = out.size();
  for (uint32_t i = s.first; i < s.end; ++i) {
    const term &t = s.terms[i];
    if (!t.meaning || t.meaning->rule_count == 0) continue;
    std::array<const phrase_rule *, signal_count> best{};
    std::array<phrase_match, signal_count> found{};
    std::array<gap_cues, signal_count> gaps{};
    for (uint32_t r : lex.rules_starting_with(*t.meaning, lang)) {
      const phrase_rule &rule = lex.rule(lang, r);
      const auto target = static_cast<size_t>(rule.target);
      if (i < covered_until[target]) continue;
      matcher m(rule, s);
      if (!m.match(0, i)) continue;
      if (best[target] && m.end() <= found[target].end) continue; // the longest wins
      best[target] = &rule;
      found[target] = {rule.target, rule.negation, rule.value, i, m.end(), i, m.end(), {}};
      gaps[target] = m.gaps();
    }
    const uint32_t floor = used_until;
    for (size_t target = 0; target < signal_count; ++target) {
      if (!best[target]) continue;
      phrase_match m = found[target];
      covered_until[target] = m.end;
      used_until = std::max(used_until, m.end);
      if (m.target != signal::sentiment) {
        if (m.value == 0) continue; // a blocker; sentiment blockers mask their words instead
        const judged j =
            judge_phrase(s, m.target, m.negation, m.value, m.begin, m.end, gaps[target], floor);
        if (!j.signal) continue;
        m.value = j.value;
        m.notes = j.notes;
        const int64_t first = j.negation_begin >= 0 ? j.negation_begin : j.negator;
        if (first >= 0 && first < m.begin) m.quote_begin = static_cast<uint32_t>(first);
        const int64_t last = std::max(j.negator, j.negation_end);
        if (last >= m.end) m.quote_end = static_cast<uint32_t>(last) + 1;
      }
      out.push_back(m);
    }
  }
  weigh_contrast(s, std::span<phrase_match>(out).subspan(first_match));
}

} // namespace rebuy::text_signals
