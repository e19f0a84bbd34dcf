#include "prepared_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace rebuy::themes::testing {
namespace {

std::unique_ptr<icu::BreakIterator> iterator(bool words, const icu::UnicodeString &text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU break iterator");
  it->setText(text);
  return it;
}

} // namespace

prepared_text::prepared_text(std::string text, rebuy_role role) : text_(std::move(text)) {
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text_);
  // UTF-16 index -> UTF-8 byte offset (the test texts are well-formed).
  std::vector<uint32_t> offset(static_cast<size_t>(utf16.length()) + 1, 0);
  {
    int32_t unit = 0;
    for (size_t byte = 0; byte < text_.size();) {
      UChar32 c;
      int32_t i = static_cast<int32_t>(byte);
      U8_NEXT(text_.data(), i, static_cast<int32_t>(text_.size()), c);
      // An ill-formed sequence decodes to one U+FFFD, as fromUTF8 makes it.
      const int32_t units = c < 0 ? 1 : U16_LENGTH(c);
      for (int32_t k = 0; k < units; ++k)
        offset[unit + k] = static_cast<uint32_t>(byte);
      unit += units;
      byte = static_cast<size_t>(i);
    }
    offset[unit] = static_cast<uint32_t>(text_.size());
  }

  std::vector<int32_t> sentence_ends;
  auto sentences = iterator(false, utf16);
  for (int32_t start = sentences->first(), end = sentences->next(); end != icu::BreakIterator::DONE;
       start = end, end = sentences->next()) {
    sentences_.push_back({{text_.data() + offset[start], offset[end] - offset[start]}, 0, 0});
    sentence_ends.push_back(end);
  }

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2 *fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  auto words = iterator(true, utf16);
  uint32_t sentence = 0;
  for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NUMBER) continue;
    while (sentence + 1 < sentence_ends.size() && start >= sentence_ends[sentence])
      ++sentence;
    icu::UnicodeString folded;
    fold->normalize(utf16.tempSubString(start, end - start), folded, status);
    std::string key;
    folded.toUTF8String(key);
    keys_.push_back(std::move(key));
    tokens_.push_back({{text_.data() + offset[start], offset[end] - offset[start]},
                       {keys_.back().data(), keys_.back().size()},
                       offset[start],
                       sentence,
                       words->getRuleStatus(),
                       0});
    ++sentences_[sentence].token_count;
  }
  uint32_t first = 0;
  for (rebuy_sentence &s : sentences_) {
    s.first_token = first;
    first += s.token_count;
  }
  abi_ = {role,
          {"Comment", 7},
          {text_.data(), text_.size()},
          sentences_.data(),
          sentences_.size(),
          tokens_.data(),
          tokens_.size()};
}

std::vector<std::string> prepared_text::keys() const { return {keys_.begin(), keys_.end()}; }

prepared_response::prepared_response(std::vector<std::string> texts, int64_t id) {
  for (auto &t : texts) {
    prepared_.emplace_back(std::move(t));
    texts_.push_back(prepared_.back().abi());
  }
  abi_ = {id, REBUY_RECORD_REVIEW, nullptr, 0, texts_.data(), texts_.size()};
}

} // namespace rebuy::themes::testing
