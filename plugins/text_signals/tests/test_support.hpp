#pragma once
// Prepared responses for the tests, without ICU: a small tokenizer that cuts sentences after
// . ! ? and words at anything that is not a letter, a digit or an apostrophe inside a word,
// which is what ICU does for the texts the tests use. Keys are folded like NFKC_Casefold for
// ASCII and Latin-1 letters.
#include "key_variants.hpp"
#include "response_reader.hpp"

#include <rebuy/plugin_abi.h>

#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace text_signals_test {

using rebuy::text_signals::fold_case;

inline bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// A response with prepared texts; owns every byte the rebuy_response points to.
class prepared_response {
public:
  using text_list = std::vector<std::pair<rebuy_role, std::string>>;

  explicit prepared_response(text_list texts, text_list fields = {}) {
    for (auto &[role, value] : fields) {
      strings_.push_back(std::move(value));
      fields_.push_back({role, {nullptr, 0}, {strings_.back().data(), strings_.back().size()}});
    }
    for (auto &[role, value] : texts) {
      strings_.push_back(std::move(value));
      prepare(role, strings_.back());
    }
    for (auto &t : texts_) {
      t.sentences = sentences_[&t - texts_.data()].data();
      t.tokens = tokens_[&t - texts_.data()].data();
    }
    response_ = {42,           REBUY_RECORD_REVIEW, fields_.data(), fields_.size(), texts_.data(),
                 texts_.size()};
  }
  prepared_response(const prepared_response &) = delete;
  prepared_response &operator=(const prepared_response &) = delete;

  const rebuy_response &get() const { return response_; }

private:
  void prepare(rebuy_role role, const std::string &text) {
    std::vector<rebuy_sentence> sentences;
    std::vector<rebuy_token> tokens;
    size_t start = 0;
    while (start < text.size()) {
      while (start < text.size() && text[start] == ' ')
        ++start;
      if (start >= text.size()) break;
      size_t end = text.find_first_of(".!?", start);
      end = end == std::string::npos ? text.size() : text.find_first_not_of(".!?", end);
      if (end == std::string::npos) end = text.size();
      const auto first_token = static_cast<uint32_t>(tokens.size());
      tokenize(text, start, end, static_cast<uint32_t>(sentences.size()), tokens);
      sentences.push_back({{text.data() + start, end - start},
                           first_token,
                           static_cast<uint32_t>(tokens.size()) - first_token});
      start = end;
    }
    sentences_.push_back(std::move(sentences));
    tokens_.push_back(std::move(tokens));
    texts_.push_back({role,
                      {nullptr, 0},
                      {text.data(), text.size()},
                      nullptr,
                      sentences_.back().size(),
                      nullptr,
                      tokens_.back().size()});
  }

  // ICU's rule status of a word: kana (U+3040-30FF, UTF-8 E3 81-83 ..) 300, Chinese characters
  // (U+3400-9FFF, E3 90 .. to E9) 400, letters 200. The tests write such words apart by spaces.
  static int32_t word_status(std::string_view word) {
    const auto c = static_cast<unsigned char>(word[0]);
    const auto next = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
    if (c == 0xE3 && next >= 0x81 && next <= 0x83) return 300;
    if ((c == 0xE3 && next >= 0x90) || (c >= 0xE4 && c <= 0xE9)) return 400;
    return 200;
  }

  void tokenize(const std::string &text, size_t from, size_t to, uint32_t sentence,
                std::vector<rebuy_token> &out) {
    size_t i = from;
    while (i < to) {
      if (!is_word_byte(static_cast<unsigned char>(text[i])) || text.compare(i, 3, "’") == 0) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < to) {
        if (text.compare(j, 3, "’") == 0 && j + 3 < to &&
            is_word_byte(static_cast<unsigned char>(text[j + 3]))) {
          j += 3;
        } else if (text[j] == '\'' && j + 1 < to &&
                   is_word_byte(static_cast<unsigned char>(text[j + 1]))) {
          ++j;
        } else if (is_word_byte(static_cast<unsigned char>(text[j])) &&
                   text.compare(j, 3, "’") != 0) {
          ++j;
        } else {
          break;
        }
      }
      const std::string_view word(text.data() + i, j - i);
      keys_.push_back(fold_case(word));
      bool digits = true, lower = false;
      int upper = 0;
      for (size_t k = 0; k < word.size(); ++k) {
        const auto c = static_cast<unsigned char>(word[k]);
        digits = digits && c >= '0' && c <= '9';
        lower = lower || (c >= 'a' && c <= 'z');
        upper += c >= 'A' && c <= 'Z';
        // Latin-1 small letters are C3 A0..C3 BF, capitals C3 80..C3 9E.
        if (c == 0xC3 && k + 1 < word.size()) {
          const auto next = static_cast<unsigned char>(word[k + 1]);
          lower = lower || next >= 0xA0;
          upper += next < 0x9F;
        }
      }
      out.push_back({{word.data(), word.size()},
                     {keys_.back().data(), keys_.back().size()},
                     static_cast<uint32_t>(i),
                     sentence,
                     digits ? 100 : word_status(word),
                     !lower && upper >= 2 ? REBUY_TOKEN_UPPER : 0u});
      i = j;
    }
  }

  std::deque<std::string> strings_, keys_;
  std::vector<rebuy_field> fields_;
  std::vector<rebuy_text> texts_;
  std::vector<std::vector<rebuy_sentence>> sentences_;
  std::vector<std::vector<rebuy_token>> tokens_;
  rebuy_response response_{};
};

// What the reader found, copied out of it.
struct signal_copy {
  bool present = false;
  float value = 0;
  std::string evidence;
};
struct signals {
  bool covered = false;
  rebuy::text_signals::language lang = rebuy::text_signals::language::en;
  signal_copy sentiment, repurchase, referral;
  bool has_probability = false;
  double probability = 0;
  std::string probability_evidence;
};

inline signal_copy copy(const rebuy::text_signals::signal_value &v) {
  return {v.present, v.value, std::string(v.evidence)};
}

inline signals read(const prepared_response &r) {
  static rebuy::text_signals::response_reader reader(rebuy::text_signals::lexicon::shared());
  const auto &s = reader.read(r.get());
  return {s.covered,
          s.lang,
          copy(s.sentiment),
          copy(s.repurchase),
          copy(s.referral),
          s.has_probability,
          s.buy_again_probability,
          std::string(s.probability_evidence)};
}

// The signals of one body text.
inline signals read(std::string text) {
  return read(prepared_response({{REBUY_ROLE_TEXT, std::move(text)}}));
}

inline float sentiment_of(std::string text) { return read(std::move(text)).sentiment.value; }

} // namespace text_signals_test
