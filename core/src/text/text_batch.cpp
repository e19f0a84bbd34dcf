#include "text/text_batch.hpp"

#include "text/ascii_sentences.hpp"
#include "text/ascii_words.hpp"
#include "text/token_keys.hpp"
#include "text/utf16_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace rebuy::core {

namespace {

[[noreturn]] void throw_icu(const char *what, UErrorCode status) {
  throw std::runtime_error(std::string("ICU ") + what + ": " + u_errorName(status));
}

std::unique_ptr<icu::BreakIterator> make_iterator(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it)
    throw_icu(words ? "word break iterator" : "sentence break iterator", status);
  return it;
}

// Points `it` at the UTF-16 buffer without copying it, which setText(const UnicodeString&) would.
void set_text(icu::BreakIterator &it, const utf16_text &text) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), text.length(), &status);
  it.setText(&ut, status); // keeps its own shallow clone of `ut`
  utext_close(&ut);
  if (U_FAILURE(status)) throw_icu("setText", status);
}

} // namespace

struct text_batch::engine {
  std::unique_ptr<icu::BreakIterator> sentences = make_iterator(false);
  std::unique_ptr<icu::BreakIterator> words = make_iterator(true);
  utf16_text utf16;
  token_keys keys;
};

text_batch::text_batch() : engine_(std::make_unique<engine>()) {}
text_batch::~text_batch() = default;
text_batch::text_batch(text_batch &&) noexcept = default;
text_batch &text_batch::operator=(text_batch &&) noexcept = default;

void text_batch::clear() {
  arena_.clear();
  texts_.clear();
  sentences_.clear();
  tokens_.clear();
  published_ = false;
}

size_t text_batch::add(std::string_view text, rebuy_role role, std::string_view name) {
  if (text.size() > utf16_text::max_size)
    throw std::length_error("text_batch: a text of " + std::to_string(text.size()) +
                            " bytes is over the 2 GiB limit");
  published_ = false;
  const size_t arena_size = arena_.size(), first_sentence = sentences_.size(),
               first_token = tokens_.size();
  text_ref ref{role, {arena_size, name.size()}, text, first_sentence, 0, first_token, 0};
  try {
    arena_.append(name);
    tokenise(ref);
    texts_.push_back(ref);
  } catch (...) {
    // A half-added text would leave tokens that no text owns.
    arena_.resize(arena_size);
    sentences_.resize(first_sentence);
    tokens_.resize(first_token);
    throw;
  }
  return texts_.size() - 1;
}

void text_batch::tokenise(text_ref &text) {
  engine_->utf16.assign(text.text);
  find_sentences(text);
  find_tokens(text);
}

void text_batch::find_sentences(text_ref &text) {
  const utf16_text &utf16 = engine_->utf16;
  const char16_t *units = utf16.data(); // null for ASCII text: its bytes are its units
  // White space is all in the BMP, so units can be tested; in ASCII it is \t to \r and ' '.
  auto space = [&](int32_t i) {
    if (units) return u_isUWhiteSpace(units[i]) != 0;
    const char c = text.text[static_cast<size_t>(i)];
    return c == ' ' || (c >= '\t' && c <= '\r');
  };
  sentence_ends_.clear();
  auto add_sentence = [&](int32_t start, int32_t end) {
    // ICU keeps the spaces and line ends after a sentence inside it; analyzers quoting a sentence
    // as evidence want it without them.
    int32_t first = start, last = end;
    while (first < last && space(first))
      ++first;
    while (last > first && space(last - 1))
      --last;
    if (first == last) return;
    const uint32_t offset = utf16.byte_offset(first);
    sentences_.push_back({offset, utf16.byte_offset(last) - offset, 0, 0});
    sentence_ends_.push_back(end);
  };
  if (utf16.ascii()) {
    int32_t start = 0;
    for_each_ascii_sentence_end(text.text, [&](size_t end) {
      add_sentence(start, static_cast<int32_t>(end));
      start = static_cast<int32_t>(end);
    });
  } else {
    icu::BreakIterator &it = *engine_->sentences;
    set_text(it, utf16);
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next())
      add_sentence(start, end);
  }
  text.sentence_count = sentences_.size() - text.first_sentence;
}

void text_batch::find_tokens(text_ref &text) {
  const utf16_text &utf16 = engine_->utf16;
  const char16_t *units = utf16.data(); // null for ASCII text: keys and flags read its bytes
  sentence_ref *sentences = sentences_.data() + text.first_sentence;
  uint32_t sentence = 0;
  auto add_token = [&](int32_t start, int32_t end, int32_t status) {
    // Word-like segments never consist of white space, so a text with one has a sentence.
    if (text.sentence_count == 0) return;
    while (sentence + 1 < text.sentence_count && start >= sentence_ends_[sentence])
      ++sentence;
    const uint32_t offset = utf16.byte_offset(start);
    const uint32_t size = utf16.byte_offset(end) - offset;
    const std::string_view bytes = text.text.substr(offset, size);
    const size_t key_offset = arena_.size();
    const char16_t *token_units = units ? units + start : nullptr;
    engine_->keys.append_key(bytes, token_units, end - start, arena_);
    tokens_.push_back({offset,
                       size,
                       {key_offset, arena_.size() - key_offset},
                       sentence,
                       status,
                       token_keys::flags(bytes, token_units, end - start)});
    ++sentences[sentence].token_count;
  };
  if (utf16.ascii()) {
    for_each_ascii_word(text.text, [&](size_t start, size_t end, int32_t status) {
      add_token(static_cast<int32_t>(start), static_cast<int32_t>(end), status);
    });
  } else {
    icu::BreakIterator &it = *engine_->words;
    set_text(it, utf16);
    int32_t start = it.first();
    for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next())
      if (const int32_t status = it.getRuleStatus(); status >= UBRK_WORD_NUMBER)
        add_token(start, end, status);
  }
  text.token_count = tokens_.size() - text.first_token;

  uint32_t first_token = 0;
  for (size_t i = 0; i < text.sentence_count; ++i) {
    sentences[i].first_token = first_token;
    first_token += sentences[i].token_count;
  }
}

std::span<const rebuy_text> text_batch::texts() {
  if (!published_) publish();
  return out_texts_;
}

// Turns offsets into pointers once the arena has stopped moving.
void text_batch::publish() {
  out_texts_.resize(texts_.size());
  out_sentences_.resize(sentences_.size());
  out_tokens_.resize(tokens_.size());
  const char *arena = arena_.data();
  for (size_t t = 0; t < texts_.size(); ++t) {
    const text_ref &in = texts_[t];
    const char *base = in.text.data();
    for (size_t i = in.first_sentence; i < in.first_sentence + in.sentence_count; ++i) {
      const sentence_ref &s = sentences_[i];
      out_sentences_[i] = {{base + s.offset, s.size}, s.first_token, s.token_count};
    }
    for (size_t i = in.first_token; i < in.first_token + in.token_count; ++i) {
      const token_ref &k = tokens_[i];
      out_tokens_[i] = {{base + k.offset, k.size},
                        {arena + k.key.offset, k.key.size},
                        k.offset,
                        k.sentence,
                        k.rule_status,
                        k.flags};
    }
    out_texts_[t] = {in.role,
                     {arena + in.name.offset, in.name.size},
                     {base, in.text.size()},
                     out_sentences_.data() + in.first_sentence,
                     in.sentence_count,
                     out_tokens_.data() + in.first_token,
                     in.token_count};
  }
  published_ = true;
}

} // namespace rebuy::core
