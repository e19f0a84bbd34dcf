#pragma once
// What the grammar around a repurchase or referral phrase does to it. Rules are about words
// with a grammatical role in each language (grammar_cues in language_data.hpp), never about
// whole phrases:
// - negation reaches back over at most three words of the phrase's own clause, not counting
//   the words that link a verb to its complement ("couldn't pay me to eat here again"); a
//   negated eager verb affirms ("can't wait to go again") and a negated certainty doubts
//   ("not sure I'll be back");
// - a doubt turns the phrase against itself, weaker ("I doubt I'll be back"), unless it is
//   itself negated ("no doubt I'll be back");
// - a hedge ("might") or a condition in the same part of the sentence ("if", "unless", not
//   "even if") halves it;
// - after a contrast ("but", "however") it weighs 1.5 times, before one half (VADER's rule);
// - senses: a recommendation whose subject is someone else ("she recommended", "recommended
//   by"), or whose object is an action ("recommend a test run before buying"), is no referral;
//   a return word next to a journey ("via Heathrow return") is no product return.
// Every rule that changes a value leaves a note, and the evidence quotes the notes.
#include "term.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace rebuy::text_signals {

inline constexpr float doubt_factor = -0.6f;    // "I doubt I'll be back": a weak no
inline constexpr float hedge_factor = 0.5f;     // "might buy again"
inline constexpr float condition_factor = 0.5f; // "will buy again if ..."
inline constexpr float former_factor = -0.5f;   // "we used to come back": a habit that ended
inline constexpr uint32_t doubt_reach = 5;      // words a doubt or hedge reaches forward
inline constexpr uint32_t former_reach = 2;     // "was a loyal customer", "era cliente fiel"

enum class note_kind : uint8_t {
  negation,        // cue: the negator
  eager_negation,  // cue: the negator, other: the eager verb it affirms
  doubt_negation,  // cue: the negator, other: the certainty it denies
  doubt,           // cue: the doubt word
  denied_doubt,    // cue: the negator, other: the doubt it denies
  hedge,           // cue: the hedge
  former,          // cue: the word that puts a repurchase habit in the past
  condition,       // cue: the condition
  before_contrast, // cue: the contrast after the phrase
  after_contrast,  // cue: the contrast before the phrase
};

struct note {
  note_kind kind;
  uint32_t cue, other; // token indexes in the text
};

struct phrase_notes {
  static constexpr size_t capacity = 4;
  std::array<note, capacity> items{};
  uint8_t count = 0;

  void add(note_kind kind, uint32_t cue, uint32_t other = 0) noexcept {
    if (count < capacity) items[count++] = {kind, cue, other};
  }
  std::span<const note> all() const noexcept { return {items.data(), count}; }
};

// Cue words found inside the gaps of a match ("I doubt I'll be back" matches "I ~3 be back").
struct gap_cues {
  int64_t negator = -1, doubt = -1, hedge = -1, eager = -1, certainty = -1, former = -1;
};

struct judged {
  bool signal = true;          // false: a sense rule says the words are no signal
  float value = 0;             // -1..1
  int64_t negator = -1;        // the negation that governs the phrase, applied or not ("no refund")
  int64_t negation_begin = -1; // the first half of a split negation before it ("ne ... pas")
  int64_t negation_end = -1;   // a post-negator after the phrase that belongs to that negation
  phrase_notes notes;
};

// Judges a repurchase or referral match [begin, end) of rule value `value` in sentence `s`.
// Negators before `floor` were used by an earlier phrase.
judged judge_phrase(const sentence_span &s, signal target, when_negated negation, float value,
                    uint32_t begin, uint32_t end, const gap_cues &gaps, uint32_t floor);

struct phrase_match;

// Weighs the sentence's repurchase and referral matches by contrast: after "but" 1.5 times, before
// it half, when the other side of the contrast leans the other way. Call once all are judged.
void weigh_contrast(const sentence_span &s, std::span<phrase_match> matches) noexcept;

// Removes the meaning of return words that name a journey ("return flight", "via Heathrow
// return"): they are then neither a product return nor a complaint.
void mask_journeys(std::span<term> terms, uint32_t first, uint32_t end) noexcept;

// " [negated by \"won't\"; hedge \"might\" x0.5]": the notes as the evidence shows them.
// `word(i)` is the written text of token i.
template <class Word> std::string describe(const phrase_notes &notes, Word &&word);

// ---- implementation of describe

namespace detail {
void append_note(std::string &out, const note &n, std::string_view cue, std::string_view other);
}

template <class Word> std::string describe(const phrase_notes &notes, Word &&word) {
  std::string out;
  for (const note &n : notes.all()) {
    out += out.empty() ? " [" : "; ";
    detail::append_note(out, n, word(n.cue), word(n.other));
  }
  if (!out.empty()) out += "]";
  return out;
}

} // namespace rebuy::text_signals
