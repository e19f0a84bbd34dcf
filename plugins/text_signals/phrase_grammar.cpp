#include "phrase_grammar.hpp"

#include "phrase_matcher.hpp"
#include "sentiment.hpp"

#include <algorithm>
#include <utility>

namespace rebuy::text_signals {
namespace {

// The first token of the clause that holds token `at`, not before `floor`: a clause starts
// after punctuation and after a clause word ("and", "because").
uint32_t clause_begin(const sentence_span &s, uint32_t at, uint32_t floor) {
  uint32_t b = at;
  while (b > std::max(floor, s.first) && !s.terms[b].clause_start() &&
         !s.terms[b - 1].has(cue::clause_break) && !is_contrast(s.terms[b - 1]))
    --b;
  return b;
}

// Scans left from `begin` over the clause for the nearest token satisfying `wanted`, within
// `reach` words; words that link a verb to its complement ("to", "me") are not counted.
template <class Wanted>
int64_t find_left(const sentence_span &s, uint32_t begin, uint32_t clause, uint32_t reach,
                  Wanted &&wanted) {
  uint32_t words = 0;
  for (uint32_t j = begin; j-- > clause;) {
    if (wanted(j)) return j;
    if (!s.terms[j].has(cue::scope_link) && ++words >= reach) break;
  }
  return -1;
}

// The part of the sentence that holds [begin, end): between contrasts and full stops.
std::pair<uint32_t, uint32_t> sentence_part(const sentence_span &s, uint32_t begin, uint32_t end) {
  const auto ends_part = [&](uint32_t k) { return s.terms[k].before == boundary::sentence; };
  while (begin > s.first && !is_contrast(s.terms[begin - 1]) && !ends_part(begin))
    --begin;
  while (end < s.end && !is_contrast(s.terms[end]) && !ends_part(end))
    ++end;
  return {begin, end};
}

int64_t earlier(int64_t a, int64_t b) { return a < 0 ? b : b < 0 ? a : std::min(a, b); }

// Whether the phrase is someone else's recommendation, or a recommendation of an action.
bool not_a_referral(const sentence_span &s, uint32_t begin, uint32_t end) {
  const uint32_t clause = clause_begin(s, begin, s.first);
  if (find_left(s, begin, clause, negation_window,
                [&](uint32_t j) { return s.terms[j].has(cue::other_person); }) >= 0)
    return true;
  // A passive right before it ("was recommended", "wurde mir empfohlen"), past links.
  if (find_left(s, begin, clause, 1, [&](uint32_t j) { return s.terms[j].has(cue::passive); }) >= 0)
    return true;
  // "recommended by a friend", "recommended to me by": the agent follows, past links.
  for (uint32_t k = end; k < s.end && k < end + negation_window && !s.terms[k].clause_start();
       ++k) {
    if (s.terms[k].has(cue::agent)) return true;
    if (!s.terms[k].has(cue::scope_link)) break;
  }
  // The object, up to the end of the clause: an action ("a test run before buying").
  for (uint32_t k = end; k < s.end && k < end + 2 * negation_window; ++k) {
    const term &t = s.terms[k];
    if (t.clause_start() || is_contrast(t)) break;
    if (t.has(cue::advice)) return true;
  }
  return false;
}

} // namespace

judged judge_phrase(const sentence_span &s, signal target, when_negated negation, float value,
                    uint32_t begin, uint32_t end, const gap_cues &gaps, uint32_t floor) {
  judged out;
  out.value = value;
  if (target == signal::referral && value > 0 && not_a_referral(s, begin, end)) {
    out.signal = false;
    return out;
  }
  const uint32_t clause = clause_begin(s, begin, floor);

  // Doubt, and whether it is itself denied ("no doubt", "can hardly wait").
  const int64_t doubt =
      earlier(gaps.doubt, find_left(s, begin, clause, doubt_reach,
                                    [&](uint32_t j) { return s.terms[j].has(cue::doubt); }));
  int64_t consumed_until = -1; // negators up to here belong to the doubt
  if (doubt >= 0 && negation != when_negated::keep) {
    const auto d = static_cast<uint32_t>(doubt);
    const int64_t denier = s.terms[d].elided_negation
                               ? d
                               : find_left(s, d, clause_begin(s, d, floor), 2,
                                           [&](uint32_t j) { return s.terms[j].negates_next(); });
    bool eager_after = false;
    for (uint32_t k = d + 1; k < end; ++k)
      eager_after = eager_after || s.terms[k].has(cue::eager_verb);
    if (denier >= 0 || eager_after) {
      out.notes.add(note_kind::denied_doubt, static_cast<uint32_t>(denier >= 0 ? denier : doubt),
                    d);
    } else {
      out.value *= doubt_factor;
      out.notes.add(note_kind::doubt, d);
    }
    consumed_until = doubt;
  }

  // Negation: before the phrase within its clause, inside its gaps, or after it (post-negators).
  int64_t negator = s.terms[begin].elided_negation
                        ? begin
                        : find_left(s, begin, clause, negation_window, [&](uint32_t j) {
                            return s.terms[j].negates_next() && !is_contrast(s.terms[j + 1]);
                          });
  if (negator < 0) negator = gaps.negator;
  // "Je ne recommande pas": the second half of a split negation is quoted with it.
  const int64_t post = negation_of(s, begin, end, floor);
  if (negator < 0 && post >= static_cast<int64_t>(end)) negator = post;
  if (negator >= 0 && negator <= consumed_until) negator = -1;
  out.negator = negator;
  if (negator >= 0 && post >= static_cast<int64_t>(end)) out.negation_end = post;
  // "ne manquerai pas": the quote starts at the first half of a split negation.
  for (int64_t k = negator - 1; negator >= 0 && k >= std::max<int64_t>(clause, negator - 2); --k)
    if (s.terms[k].negates_next()) out.negation_begin = k;
  if (negator >= 0 && negation != when_negated::keep) {
    const auto n = static_cast<uint32_t>(negator);
    // The verb the negation governs: after it ("can't wait to"), or inside a split negation
    // before it ("ne manquerai pas de", "nicht sicher").
    int64_t eager = -1, certainty = -1;
    const int64_t from = std::max<int64_t>(clause, negator - 2);
    for (int64_t k = from; k < static_cast<int64_t>(end); ++k) {
      if (k == negator || (k >= begin && k != gaps.eager && k != gaps.certainty)) continue;
      if (eager < 0 && s.terms[k].has(cue::eager_verb)) eager = k;
      if (certainty < 0 && s.terms[k].has(cue::certainty)) certainty = k;
    }
    if (eager >= 0) {
      out.notes.add(note_kind::eager_negation, n, static_cast<uint32_t>(eager));
    } else if (certainty >= 0) {
      out.value *= doubt_factor;
      out.notes.add(note_kind::doubt_negation, n, static_cast<uint32_t>(certainty));
    } else if (negation == when_negated::drop) {
      out.signal = false;
      return out;
    } else {
      out.value = -out.value;
      out.notes.add(note_kind::negation, n);
    }
  }

  const int64_t hedge =
      earlier(gaps.hedge, find_left(s, begin, clause, doubt_reach,
                                    [&](uint32_t j) { return s.terms[j].has(cue::hedge); }));
  if (hedge >= 0) {
    out.value *= hedge_factor;
    out.notes.add(note_kind::hedge, static_cast<uint32_t>(hedge));
  }

  // A repurchase habit put in the past has ended: "we used to come back every week".
  if (target == signal::repurchase && value > 0) {
    const int64_t former =
        earlier(gaps.former, find_left(s, begin, clause, former_reach,
                                       [&](uint32_t j) { return s.terms[j].has(cue::former); }));
    if (former >= 0) {
      out.value *= former_factor;
      out.notes.add(note_kind::former, static_cast<uint32_t>(former));
    }
  }

  // The part of the sentence between contrasts that holds the phrase.
  const auto [part_begin, part_end] = sentence_part(s, begin, end);

  // A condition in the phrase's clause or the clause next to it on either side ("if they
  // restock, I'll buy again"); one further away conditions something else.
  const auto starts_clause = [&](uint32_t k) {
    return s.terms[k].clause_start() || (k > s.first && s.terms[k - 1].has(cue::clause_break));
  };
  uint32_t near_begin = begin, near_end = end;
  for (int crossed = 0; near_begin > part_begin; --near_begin)
    if (starts_clause(near_begin) && ++crossed == 2) break;
  for (int crossed = 0; near_end < part_end; ++near_end)
    if (starts_clause(near_end) && ++crossed == 2) break;
  for (uint32_t k = near_begin; k < near_end; ++k) {
    if (k == begin) k = end;
    if (k >= near_end) break;
    if (!s.terms[k].has(cue::condition)) continue;
    if (k > s.first && s.terms[k - 1].has(cue::concessive)) continue;
    // "If you want a good ring, I recommend...": the reader's case, not a doubt.
    if (k + 1 < s.end && s.terms[k + 1].has(cue::addressee)) continue;
    out.value *= condition_factor;
    out.notes.add(note_kind::condition, k);
    break;
  }

  out.value = std::clamp(out.value, -1.0f, 1.0f);
  return out;
}

void weigh_contrast(const sentence_span &s, std::span<phrase_match> matches) noexcept {
  // What a stretch of the sentence says: its words' valences and its phrases' values.
  const auto leaning = [&](uint32_t from, uint32_t to) {
    float sum = 0;
    for (uint32_t k = from; k < to; ++k)
      if (const sense *m = s.terms[k].meaning; m && m->booster == 0) sum += m->valence;
    for (const phrase_match &m : matches)
      if (m.target != signal::sentiment && m.begin >= from && m.end <= to) sum += 4 * m.value;
    return sum;
  };
  for (phrase_match &m : matches) {
    if (m.target == signal::sentiment || m.value == 0) continue;
    const auto [part_begin, part_end] = sentence_part(s, m.begin, m.end);
    // The other side must say the opposite: "refund, but nothing yet" contrasts nothing.
    if (part_begin > s.first && is_contrast(s.terms[part_begin - 1]) &&
        leaning(s.first, part_begin - 1) * m.value < 0) {
      m.value = std::clamp(m.value * after_contrast, -1.0f, 1.0f);
      m.notes.add(note_kind::after_contrast, part_begin - 1);
    } else if (part_end < s.end && is_contrast(s.terms[part_end]) &&
               leaning(part_end + 1, s.end) * m.value < 0) {
      m.value *= before_contrast;
      m.notes.add(note_kind::before_contrast, part_end);
    }
  }
}

void mask_journeys(std::span<term> terms, uint32_t first, uint32_t end) noexcept {
  for (uint32_t i = first; i < end; ++i) {
    if (!terms[i].has(cue::return_word)) continue;
    const uint32_t from = i > first + negation_window ? i - negation_window : first;
    const uint32_t to = std::min(end, i + negation_window + 1);
    bool journey = false;
    for (uint32_t k = from; k < to && !journey; ++k)
      journey = k != i && terms[k].has(cue::travel);
    if (journey) terms[i].meaning = nullptr;
  }
}

namespace detail {

void append_note(std::string &out, const note &n, std::string_view cue, std::string_view other) {
  struct wording {
    const char *before;
    bool other; // quotes the note's other word instead of its cue
    const char *after;
  };
  static constexpr wording words[] = {
      {"negated by ", false, ""},          {"negated ", true, " affirms"},
      {"negated ", true, " doubts x-0.6"}, {"doubt ", false, " x-0.6"},
      {"doubt ", true, " denied"},         {"hedge ", false, " x0.5"},
      {"former ", false, " x-0.5"},        {"condition ", false, " x0.5"},
      {"before ", false, " x0.5"},         {"after ", false, " x1.5"},
  };
  const wording &w = words[static_cast<size_t>(n.kind)];
  out.append(w.before).append("\"").append(w.other ? other : cue).append("\"").append(w.after);
}

} // namespace detail
} // namespace rebuy::text_signals
