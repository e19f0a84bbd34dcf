#pragma once
// One language's lexicons and phrase rules, as written in lexicon_<code>.cpp: plain constant
// tables that lexicon.cpp compiles once into hash tables. Words are written in lower case with
// their accents; matching is accent-insensitive because lexicon.cpp adds the folded spellings.
#include <cmath>
#include <cstddef>
#include <span>

namespace rebuy::text_signals {

// The languages with lexicons, in the order their tables are stored.
enum class language : unsigned char { en, pt, es, de, fr, zh };
inline constexpr size_t language_count = 6;

// A word's sentiment on the usual -4..+4 lexicon scale. `negated` replaces the default
// "valence × -0.74" when a negation precedes it, for words whose negation says more than their
// presence: "received" is neutral, "not received" is a complaint.
struct valence_def {
  const char *word;
  float valence;
  float negated = NAN;
};

// An intensifier (> 0) or a dampener (< 0), added to the next sentiment word's strength.
struct booster_def {
  const char *word;
  float amount;
};

// What a phrase rule scores.
enum class signal : unsigned char { sentiment, repurchase, referral };

// What a negation in front of (or inside the gaps of) a match does to its value.
enum class when_negated : unsigned char {
  flip, // "would recommend" -> "would not recommend": the opposite
  drop, // "returned it" -> "never returned it": says nothing
  keep, // "no refund", "didn't get a refund": still a complaint
};

// A phrase rule. The pattern is a space-separated sequence of elements:
//   word|word   one of these words (the first element must be of this kind)
//   [word|word] optionally one of these words
//   ~N          up to N other tokens of the same sentence, not across "but"; the longest gap
//               that lets the rest match is taken, so evidence quotes the whole phrase
// Of two rules matching from the same token the longer match wins, and at equal length the one
// listed first.
// `value` is a valence for signal::sentiment (replacing the words' own valences) and a signal
// strength in -1..1 for repurchase and referral. A value of 0 makes a blocker: the words it
// covers are no signal ("recommended size" is not a recommendation, "looks like" no liking).
struct phrase_def {
  const char *pattern;
  signal target;
  float value;
  when_negated negation = when_negated::flip;
};

// Grammar cues around the repurchase and referral phrases; phrase_grammar.hpp says what each
// does.
enum class cue : unsigned char {
  clause_break, // starts a new clause: scopes stop there ("and", "because")
  scope_link,   // a negation reaches across it ("couldn't pay me to eat": "me", "to")
  eager_verb,   // negated, it affirms ("can't wait to")
  certainty,    // negated, it doubts ("not sure I'll")
  doubt,        // turns what follows against itself ("I doubt")
  hedge,        // makes it uncertain ("might", "maybe")
  former,       // right before a repurchase, a habit that ended ("used to", "was my go-to")
  condition,    // makes it conditional ("if", "unless")
  concessive,   // before a condition, undoes it ("even if")
  addressee,    // after a condition, makes it the reader's case ("if you like spicy food")
  other_person, // before a recommendation, someone else's ("she", "waiter")
  agent,        // after a recommendation, someone else's ("by")
  passive,      // right before a recommendation, someone else's ("was recommended")
  advice,       // after a recommendation, an action recommended ("before", "size")
  return_word,  // a product return, or a journey ("return")
  travel,       // near a return word, a journey ("flight", "via")
};

// The words of one cue, space-separated, written like the other tables (lower case, accents).
struct cue_def {
  cue kind;
  const char *words;
};

struct language_data {
  const char *code; // ISO 639-1
  std::span<const valence_def> valences;
  std::span<const booster_def> boosters;
  std::span<const char *const> negators;       // negate the next three tokens ("not", "never")
  std::span<const char *const> post_negators;  // also negate what ends a clause before them
  std::span<const char *const> contrasts;      // "but": halve what comes before, x1.5 after
  std::span<const char *const> function_words; // frequent words that tell the language apart
  std::span<const phrase_def> phrases;
  std::span<const cue_def> cues;
};

extern const language_data english, portuguese, spanish, german, french, chinese;

} // namespace rebuy::text_signals
