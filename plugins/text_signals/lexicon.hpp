#pragma once
// The compiled lexicons of every language: one hash table from token key to word, built once
// per process from the tables in lexicon_<code>.cpp. Looking a token up is one hash probe; the
// word then says what it means in each language.
#include "language_data.hpp"

#include <rebuy/flat_string_map.hpp>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::text_signals {

// What a word does in one language.
struct sense {
  enum flag : uint8_t {
    negator = 1,       // negates the next three tokens
    post_negator = 2,  // negates the end of a clause before it ("gefällt mir nicht")
    contrast = 4,      // "but"
    function_word = 8, // frequent in this language: a vote for it
  };
  float valence = 0;
  float negated = NAN; // the valence under negation; NaN: valence × negation_scalar
  float booster = 0;
  uint8_t flags = 0;
  uint16_t cues = 0; // a bit per grammar cue; not a vote for the language
  // The phrase rules whose first element is this word: lexicon::rule_refs(lang)[first_rule ...].
  uint32_t first_rule = 0, rule_count = 0;

  bool has(flag f) const noexcept { return (flags & f) != 0; }
  bool has(cue c) const noexcept { return (cues >> static_cast<unsigned>(c) & 1u) != 0; }
  bool has_valence() const noexcept { return valence != 0 || !std::isnan(negated); }
  // Any part in this language: what counts as "the text says something" in it.
  bool known() const noexcept { return has_valence() || booster != 0 || flags || rule_count; }
};

struct word {
  uint32_t id;
  std::array<sense, language_count> senses;
  // What the word says of the text's language, per language: 2 a frequent word of it, 1 a
  // word the lexicon knows in it, 0 none. Read for every token, so kept beside the id.
  std::array<uint8_t, language_count> votes{};
};

struct pattern_element {
  std::vector<uint32_t> words; // sorted word ids; empty for a gap
  uint8_t max_gap = 0;
  bool optional = false;

  bool is_gap() const noexcept { return words.empty(); }
  bool accepts(uint32_t id) const noexcept;
};

struct phrase_rule {
  std::vector<pattern_element> elements;
  signal target;
  float value;
  when_negated negation;
};

// A hash of every table of every language as written: tests pin it next to the plugin version,
// so that a changed lexicon cannot ship under an old version.
uint64_t lexicon_fingerprint();

class lexicon {
public:
  static constexpr uint32_t no_word = UINT32_MAX;
  // VADER's scaling of a negated valence.
  static constexpr float negation_scalar = -0.74f;

  // Builds every language. Throws std::logic_error naming a malformed pattern.
  lexicon();
  lexicon(const lexicon &) = delete;
  lexicon &operator=(const lexicon &) = delete;

  // The tables every analyzer of the process shares (read-only once built).
  static const lexicon &shared();

  // The word whose key this is, or nullptr.
  const word *find(std::string_view key) const noexcept;

  const phrase_rule &rule(language lang, uint32_t index) const noexcept {
    return rules_[static_cast<size_t>(lang)][index];
  }
  std::span<const uint32_t> rules_starting_with(const sense &s, language lang) const noexcept {
    return std::span<const uint32_t>(rule_refs_[static_cast<size_t>(lang)])
        .subspan(s.first_rule, s.rule_count);
  }
  size_t key_count() const noexcept { return words_.size(); }
  size_t rule_count(language lang) const noexcept {
    return rules_[static_cast<size_t>(lang)].size();
  }

private:
  uint32_t intern(const std::string &key);
  void add_language(const language_data &data, language lang);
  phrase_rule compile(const phrase_def &def, language lang);
  void index_rules(language lang);

  flat_string_map<uint32_t> index_; // key -> index into words_
  std::vector<word> words_;
  std::array<std::vector<phrase_rule>, language_count> rules_;
  std::array<std::vector<uint32_t>, language_count> rule_refs_;
};

} // namespace rebuy::text_signals
