#include "rake.hpp"

#include "token_span.hpp"

#include <algorithm>

namespace rebuy::themes {
namespace {

// Letters, kana and ideographs; numbers (100-199) end a candidate like punctuation,
// and so does a "word" too long to be one (a run of letters without spaces, a hash).
constexpr size_t max_word_bytes = 64;
bool is_word(const rebuy_token &t) { return t.rule_status >= 200 && t.key.size <= max_word_bytes; }

// Whether only white space separates two tokens: punctuation ends a candidate.
bool adjacent(std::string_view text, const rebuy_token &a, const rebuy_token &b) {
  const size_t from = static_cast<size_t>(a.offset) + a.text.size, to = b.offset;
  if (from > to || to > text.size()) return false;
  for (size_t i = from; i < to; ++i)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') return false;
  return true;
}

// One letter of an alphabet ("b", "x", "é") says nothing alone; one kana or
// ideograph (rule status 300 and up) can be a whole word.
bool single_letter(const rebuy_token &t) {
  if (t.rule_status >= 300) return false;
  const std::string_view key = to_view(t.key);
  size_t code_points = 0;
  for (char c : key)
    code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return code_points == 1;
}

} // namespace

void rake::clear() {
  word_ids_.clear();
  words_.clear();
  phrase_ids_.clear();
  phrases_.clear();
  phrase_words_.clear();
}

void rake::add_text(const rebuy_text &text, const std::vector<word_info> &words) {
  const std::string_view body = to_view(text.text);
  size_t begin = 0;
  for (size_t i = 0; i <= text.token_count; ++i) {
    const bool ends = i == text.token_count || !is_word(text.tokens[i]) || words[i].stopword ||
                      (i > begin && (text.tokens[i].sentence != text.tokens[i - 1].sentence ||
                                     !adjacent(body, text.tokens[i - 1], text.tokens[i])));
    if (!ends) continue;
    if (i > begin) add_candidate(text, begin, i);
    // A token that ends a run by position (not by kind) starts the next one.
    const bool content = i < text.token_count && is_word(text.tokens[i]) && !words[i].stopword;
    begin = content ? i : i + 1;
  }
}

void rake::add_candidate(const rebuy_text &text, size_t begin, size_t end) {
  const size_t length = end - begin;
  if (length > max_words) return;
  if (length == 1 && single_letter(text.tokens[begin])) return;
  key_.clear();
  for (size_t i = begin; i < end; ++i) {
    // Words the text runs together (Chinese, Japanese) stay together.
    const rebuy_token &prev = text.tokens[i - (i > begin)];
    if (i > begin && text.tokens[i].offset > prev.offset + prev.text.size) key_.push_back(' ');
    key_.append(to_view(text.tokens[i].key));
  }
  const auto [phrase_id, added] =
      phrase_ids_.try_emplace(key_, static_cast<uint32_t>(phrases_.size()));
  if (added) {
    candidate_phrase p{{key_, as_written(text, begin, end - 1), 0},
                       static_cast<uint32_t>(phrase_words_.size()),
                       static_cast<uint32_t>(length)};
    for (size_t i = begin; i < end; ++i) {
      const auto [word_id, fresh] =
          word_ids_.try_emplace(to_view(text.tokens[i].key), static_cast<uint32_t>(words_.size()));
      if (fresh) words_.emplace_back();
      phrase_words_.push_back(*word_id);
    }
    phrases_.push_back(std::move(p));
  }
  // Every occurrence counts: frequency once per word, degree by the phrase's length.
  const candidate_phrase &p = phrases_[*phrase_id];
  for (uint32_t k = 0; k < p.length; ++k) {
    word_stat &w = words_[phrase_words_[p.first_word + k]];
    w.frequency += 1;
    w.degree += static_cast<double>(length);
  }
}

const std::vector<rake::phrase> &rake::top(size_t n) {
  order_.resize(phrases_.size());
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    candidate_phrase &p = phrases_[i];
    p.shown.score = 0;
    for (uint32_t k = 0; k < p.length; ++k) {
      const word_stat &w = words_[phrase_words_[p.first_word + k]];
      p.shown.score += w.degree / w.frequency;
    }
    order_[i] = i;
  }
  std::stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
    return phrases_[a].shown.score > phrases_[b].shown.score;
  });
  top_.clear();
  for (size_t i = 0; i < order_.size() && i < n; ++i)
    top_.push_back(phrases_[order_[i]].shown);
  return top_;
}

} // namespace rebuy::themes
