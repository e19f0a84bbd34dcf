#pragma once
// Reads the prepared texts of one response (titles and bodies together) in its language and
// produces its sentiment, repurchase and referral signals with the phrases that decided them.
#include "phrase_matcher.hpp"

#include <rebuy/plugin_abi.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::text_signals {

struct signal_value {
  bool present = false; // false: the text says nothing about it
  float value = 0;      // -1..1
  std::string_view evidence;
};

struct response_signals {
  bool covered = false; // written in a language with lexicons
  language lang = language::en;
  signal_value sentiment, repurchase, referral;
  // Set when at least one of the three signals is present: a text that says nothing gets no
  // probability rather than a made-up neutral one.
  bool has_probability = false;
  double buy_again_probability = 0;
  std::string_view probability_evidence;
};

// Longest sentence quoted as evidence; longer ones are cut after a word and end with "…".
inline constexpr size_t max_evidence_bytes = 300;

// A text of at least this many words gets a sentiment, 0 when no word of it carries one.
inline constexpr size_t min_neutral_words = 2;
inline constexpr std::string_view neutral_evidence = "neutral: no word carries a sentiment";

// A title's sentences weigh this much more than the body's: a title is the reviewer's verdict.
inline constexpr float title_weight = 1.5f;
// A complaint weighs more than a compliment of the same strength ("bad is stronger than good",
// Baumeister et al. 2001): a long review's many mild compliments no longer drown its one
// complaint. Chosen on the development halves of docs/accuracy.md (1.3 against 1.5).
inline constexpr float negativity_weight = 1.3f;

// What a response's language field says: "pt-BR" is one of ours, "ja" another language (not
// covered: no scores), "unknown" nothing usable (the words decide).
struct field_language {
  enum { unusable, ours, other } kind = unusable;
  language lang = language::en;
};
field_language language_of_field(std::string_view value);

// One per analyzer object: it keeps its buffers between responses.
class response_reader {
public:
  explicit response_reader(const lexicon &lex) : lex_(lex) {}

  // Valid until the next read(); evidence views point into the response's texts or into this.
  const response_signals &read(const rebuy_response &response);

private:
  struct resolved {
    const word *w;
    bool elided_negation;
  };
  struct quote {
    size_t text;
    uint32_t begin, end; // bytes
  };
  struct candidate {
    float strength = 0; // |value|; 0: none
    quote where{};
    phrase_notes notes; // the grammar rules that judged a phrase
  };

  resolved resolve(std::string_view key) const noexcept;
  std::optional<language> choose_language(const rebuy_response &response) const;
  bool language_field_other(const rebuy_response &response) const;
  void read_text(const rebuy_text &text, size_t index, size_t first_term, bool mixed_caps);
  void add_phrase(const rebuy_text &text, size_t index, const phrase_match &m);
  void finish(const rebuy_response &response);
  std::string_view quote_text(const rebuy_response &response, const quote &q,
                              std::string &buffer) const;
  std::string_view evidence(const rebuy_response &response, const candidate &c,
                            std::string &buffer) const;

  const lexicon &lex_;
  response_signals out_;
  size_t words_ = 0;               // letter tokens of the response being read
  std::vector<resolved> resolved_; // every token of the response, text after text
  std::vector<term> terms_;
  std::vector<phrase_match> matches_;
  std::string quotes_[3]; // shortened quotes of sentiment, repurchase, referral

  // Running totals of the response being read; index 0 negative, 1 positive.
  float sentiment_sum_ = 0, repurchase_sum_ = 0, referral_sum_ = 0;
  bool sentiment_counted_ = false, repurchase_seen_ = false, referral_seen_ = false;
  candidate sentence_[2], repurchase_[2], referral_[2];
};

} // namespace rebuy::text_signals
