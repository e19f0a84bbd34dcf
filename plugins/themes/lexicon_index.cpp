#include "lexicon_index.hpp"

#include "fold.hpp"

#include <rebuy/plugin.hpp>

#include <iterator>
#include <stdexcept>

namespace rebuy::themes {
namespace {

uint64_t edge_key(uint32_t parent, uint32_t word) {
  return (static_cast<uint64_t>(parent) << 32) | word;
}

} // namespace

lexicon_index::lexicon_index(const language_lexicon *const *languages, size_t count) {
  for (size_t l = 0; l < count; ++l) {
    const language_lexicon &lang = *languages[l];
    for (size_t i = 0; i < lang.stopword_count; ++i)
      add_stopword(lang.stopwords[i]);
    for (size_t i = 0; i < lang.cue_count; ++i)
      add_cue(lang.cues[i]);
  }
}

const lexicon_index &lexicon_index::compiled() {
  static const lexicon_index index(all_languages, std::size(all_languages));
  return index;
}

void lexicon_index::add_stopword(std::string_view word) {
  std::string folded;
  fold_key(word, folded);
  words_[folded].stopword = true;
}

uint32_t lexicon_index::word_id(std::string_view folded) {
  word_info &w = words_[folded];
  if (w.id == 0) w.id = next_word_id_++;
  return w.id;
}

uint32_t lexicon_index::child(uint32_t parent, uint32_t word) const {
  const auto it = edges_.find(edge_key(parent, word));
  return it == edges_.end() ? 0 : it->second;
}

void lexicon_index::add_cue(const cue &c) {
  const std::string_view phrase = c.phrase;
  uint32_t at = 0;
  std::string folded;
  for (size_t start = 0; start < phrase.size();) {
    size_t end = phrase.find(' ', start);
    if (end == phrase.npos) end = phrase.size();
    const std::string_view word = phrase.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    uint32_t next;
    if (word == "*") {
      if (at == 0)
        throw std::logic_error("themes: a cue cannot start with '*': " + std::string(phrase));
      next = nodes_[at].wildcard;
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        nodes_[at].wildcard = next;
        nodes_.emplace_back();
      }
    } else {
      fold_key(word, folded);
      const uint32_t id = word_id(folded);
      next = child(at, id);
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        edges_.emplace(edge_key(at, id), next);
        nodes_.emplace_back();
      }
    }
    at = next;
  }
  if (at == 0) throw std::logic_error("themes: empty cue");
  node &n = nodes_[at];
  if (n.terminal && (n.topic != c.topic || n.step != c.step)) {
    conflicts_.emplace_back(phrase);
    return;
  }
  if (!n.terminal) ++cue_count_;
  n.terminal = true;
  n.topic = c.topic;
  n.step = c.step;
}

void lexicon_index::classify(const rebuy_text &text, std::vector<word_info> &out,
                             std::string &scratch) const {
  out.resize(text.token_count);
  for (size_t i = 0; i < text.token_count; ++i) {
    fold_key(to_view(text.tokens[i].key), scratch);
    const word_info *w = words_.find(scratch);
    out[i] = w ? *w : word_info{};
  }
}

void lexicon_index::longest(const rebuy_text &text, const std::vector<word_info> &words,
                            uint32_t at, size_t pos, uint32_t sentence, size_t &best_end,
                            uint32_t &best_node) const {
  const node &n = nodes_[at];
  if (n.terminal && pos > best_end) {
    best_end = pos;
    best_node = at;
  }
  if (pos >= text.token_count || text.tokens[pos].sentence != sentence) return;
  if (words[pos].id != 0)
    if (const uint32_t next = child(at, words[pos].id))
      longest(text, words, next, pos + 1, sentence, best_end, best_node);
  if (n.wildcard != 0) longest(text, words, n.wildcard, pos + 1, sentence, best_end, best_node);
}

void lexicon_index::find_cues(const rebuy_text &text, const std::vector<word_info> &words,
                              std::vector<cue_match> &out) const {
  size_t covered_to = 0; // end of the furthest cue found so far
  for (size_t start = 0; start < text.token_count && start < words.size(); ++start) {
    if (words[start].id == 0) continue; // cues start with a word, never with "*"
    size_t best_end = start;
    uint32_t best_node = 0;
    longest(text, words, 0, start, text.tokens[start].sentence, best_end, best_node);
    if (best_node == 0 || best_end <= covered_to) continue;
    covered_to = best_end;
    const node &n = nodes_[best_node];
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(best_end), n.topic, n.step});
  }
}

} // namespace rebuy::themes
