// RAKE key phrases (Rose et al. 2010) for one response: candidates are the
// maximal runs of content words within a sentence, split at stopwords,
// numbers and punctuation; word score = degree / frequency over the
// candidates; phrase score = the sum of its words' scores.
#ifndef REBUY_THEMES_RAKE_HPP
#define REBUY_THEMES_RAKE_HPP

#include "lexicon_index.hpp"

#include <rebuy/flat_string_map.hpp>
#include <rebuy/plugin_abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace rebuy::themes {

class rake {
public:
  // Longer runs are usually unpunctuated run-on text, not a phrase; they are dropped.
  static constexpr size_t max_words = 4;

  struct phrase {
    std::string key;             // the words' keys, with a space where the text has one
    std::string_view as_written; // the first occurrence in its text
    double score = 0;
  };

  void clear();
  // Adds the candidates of one text. `words` is lexicon_index::classify's output
  // for it. Views into the text must stay valid until top() is done.
  void add_text(const rebuy_text &text, const std::vector<word_info> &words);
  // The best `n` distinct phrases, best first; ties keep text order.
  const std::vector<phrase> &top(size_t n);

private:
  struct word_stat {
    double frequency = 0, degree = 0;
  };
  struct candidate_phrase {
    phrase shown;
    uint32_t first_word, length; // its words in phrase_words_
  };
  void add_candidate(const rebuy_text &text, size_t begin, size_t end);

  flat_string_map<uint32_t> word_ids_; // token key -> index into words_
  std::vector<word_stat> words_;
  flat_string_map<uint32_t> phrase_ids_; // key -> index into phrases_
  std::vector<candidate_phrase> phrases_;
  std::vector<uint32_t> phrase_words_;
  std::vector<uint32_t> order_;
  std::vector<phrase> top_;
  std::string key_;
};

} // namespace rebuy::themes

#endif // REBUY_THEMES_RAKE_HPP
