// The lexicon compiled into lookup tables once: folded word -> word id and
// stopword flag (one hash lookup per token), and a trie of cue phrases over
// word ids.
#ifndef REBUY_THEMES_LEXICON_INDEX_HPP
#define REBUY_THEMES_LEXICON_INDEX_HPP

#include "lexicon.hpp"

#include <rebuy/flat_string_map.hpp>
#include <rebuy/plugin_abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rebuy::themes {

// What the lexicon knows about one token.
struct word_info {
  uint32_t id = 0;       // 0: the word is in no cue
  bool stopword = false; // a RAKE stopword in some language
};

// A cue found in a text: tokens [begin, end) of that text.
struct cue_match {
  uint32_t begin, end;
  theme topic;
  stage step;
};

class lexicon_index {
public:
  explicit lexicon_index(const language_lexicon *const *languages, size_t count);

  // The index of every compiled-in language, built on first use. Read-only,
  // so analyzers on different threads share it.
  static const lexicon_index &compiled();

  // Looks up each token of `text` (out[i] is token i). `scratch` is reused.
  void classify(const rebuy_text &text, std::vector<word_info> &out, std::string &scratch) const;

  // Appends the cues in `text` to `out`, in text order: at each token the
  // longest cue starting there, unless a cue found earlier covers it (so
  // "will return" hides the "return" inside it). Cues never cross sentences.
  void find_cues(const rebuy_text &text, const std::vector<word_info> &words,
                 std::vector<cue_match> &out) const;

  // Phrases given twice with different themes or stages; the first one wins.
  const std::vector<std::string> &conflicts() const noexcept { return conflicts_; }
  size_t cue_count() const noexcept { return cue_count_; }

private:
  struct node {
    uint32_t wildcard = 0; // child for "*", 0 if none
    bool terminal = false;
    theme topic = theme::none;
    stage step = stage::none;
  };
  void add_cue(const cue &c);
  void add_stopword(std::string_view word);
  uint32_t word_id(std::string_view folded);
  uint32_t child(uint32_t parent, uint32_t word) const;
  void longest(const rebuy_text &text, const std::vector<word_info> &words, uint32_t node,
               size_t pos, uint32_t sentence, size_t &best_end, uint32_t &best_node) const;

  flat_string_map<word_info> words_;
  std::vector<node> nodes_{node{}};              // nodes_[0] is the root
  std::unordered_map<uint64_t, uint32_t> edges_; // (parent << 32 | word id) -> child
  std::vector<std::string> conflicts_;
  uint32_t next_word_id_ = 1;
  size_t cue_count_ = 0;
};

} // namespace rebuy::themes

#endif // REBUY_THEMES_LEXICON_INDEX_HPP
