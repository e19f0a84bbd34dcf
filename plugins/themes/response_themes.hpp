// Everything the analyzer says about one response, computed from its texts:
// the themes mentioned, the journey stage and the key phrases.
#ifndef REBUY_THEMES_RESPONSE_THEMES_HPP
#define REBUY_THEMES_RESPONSE_THEMES_HPP

#include "lexicon_index.hpp"
#include "rake.hpp"

#include <rebuy/plugin_abi.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::themes {

class response_themes {
public:
  static constexpr size_t max_key_phrases = 5;

  explicit response_themes(const lexicon_index &index) : index_(index) {}

  // Reads one response's texts; the results stay valid until the next call.
  void analyze(const rebuy_response &response);

  // Themes in taxonomy order joined by ";" ("delivery;price"), empty if none.
  const std::string &themes() const noexcept { return themes_; }
  size_t themes_found() const noexcept { return themes_found_; }
  // The first phrase of each theme as written, in the same order, joined by "; ".
  const std::string &theme_evidence() const noexcept { return theme_evidence_; }

  // The stage with the most cues; on a tie the one mentioned last. none if no cue.
  stage journey_stage() const noexcept { return stage_; }
  // The last cue of that stage as written.
  std::string_view stage_evidence() const noexcept { return stage_evidence_; }

  // Up to max_key_phrases RAKE phrases, best first, joined by ";".
  const std::string &key_phrases() const noexcept { return key_phrases_; }
  size_t key_phrase_count() const noexcept { return key_phrase_count_; }
  std::string_view key_phrase_evidence() const noexcept { return key_phrase_evidence_; }

private:
  struct stage_tally {
    size_t count = 0, last = 0; // last: order of its latest cue, 1-based
    std::string_view phrase;
  };
  void add_text(const rebuy_text &text, size_t &order);

  const lexicon_index &index_;
  std::vector<word_info> words_;
  std::vector<cue_match> cues_;
  std::string scratch_;
  rake rake_;
  std::array<std::string_view, theme_count> theme_phrase_{};
  std::array<bool, theme_count> theme_seen_{};
  std::array<stage_tally, stage_count> stages_{};

  std::string themes_, theme_evidence_, key_phrases_;
  size_t themes_found_ = 0, key_phrase_count_ = 0;
  stage stage_ = stage::none;
  std::string_view stage_evidence_, key_phrase_evidence_;
};

} // namespace rebuy::themes

#endif // REBUY_THEMES_RESPONSE_THEMES_HPP
