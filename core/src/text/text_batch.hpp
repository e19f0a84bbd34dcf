#pragma once
// Tokenises the free text of a batch of responses once, for every analyzer.
#include <rebuy/plugin_abi.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

// One per worker thread: it owns ICU break iterators (expensive to create) and reuses them with
// setText(). Sentences are trimmed of surrounding white space, and white-space-only ones dropped;
// tokens are ICU word segments with rule status >= 100 (numbers, letters, kana, ideographs).
class text_batch {
public:
  text_batch(); // throws std::runtime_error naming the ICU error
  ~text_batch();
  text_batch(text_batch &&) noexcept;
  text_batch &operator=(text_batch &&) noexcept;

  void clear(); // keeps capacity

  // Tokenises `text` (UTF-8; must stay alive until clear()); returns its index. Invalid UTF-8 is
  // read as U+FFFD, with offsets still pointing into `text`. `name` is copied. Throws
  // std::length_error for a text over 2 GiB; the batch is unchanged when add() throws.
  size_t add(std::string_view text, rebuy_role role, std::string_view name);

  size_t size() const noexcept { return texts_.size(); }

  // Views valid until the next add() or clear().
  std::span<const rebuy_text> texts();

private:
  struct span_ref {
    size_t offset, size;
  };
  struct text_ref {
    rebuy_role role;
    span_ref name; // in arena_
    std::string_view text;
    size_t first_sentence, sentence_count;
    size_t first_token, token_count;
  };
  struct sentence_ref {
    uint32_t offset, size; // bytes in the text
    uint32_t first_token, token_count;
  };
  struct token_ref {
    uint32_t offset, size; // bytes in the text
    span_ref key;          // in arena_
    uint32_t sentence;
    int32_t rule_status;
    uint32_t flags;
  };
  struct engine; // the ICU state

  void tokenise(text_ref &text);
  void find_sentences(text_ref &text);
  void find_tokens(text_ref &text);
  void publish();

  std::unique_ptr<engine> engine_;
  std::string arena_; // keys and names; addressed by offset because it grows
  std::vector<text_ref> texts_;
  std::vector<sentence_ref> sentences_;
  std::vector<token_ref> tokens_;
  std::vector<int32_t> sentence_ends_; // UTF-16 end of each sentence of the text being added

  // What texts() hands out, rebuilt only after a change.
  bool published_ = false;
  std::vector<rebuy_text> out_texts_;
  std::vector<rebuy_sentence> out_sentences_;
  std::vector<rebuy_token> out_tokens_;
};

} // namespace rebuy::core
