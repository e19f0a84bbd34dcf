// Synthetic analyzer input: texts prepared the way the host prepares them
// (ICU sentence and word breaks, NFKC_Casefold keys), and responses made of them.
#ifndef REBUY_THEMES_TESTS_PREPARED_TEXT_HPP
#define REBUY_THEMES_TESTS_PREPARED_TEXT_HPP

#include <rebuy/plugin_abi.h>

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::themes::testing {

// One free text, tokenised. Not copyable: the rebuy_text points into it.
class prepared_text {
public:
  explicit prepared_text(std::string text, rebuy_role role = REBUY_ROLE_TEXT);
  prepared_text(const prepared_text &) = delete;
  prepared_text &operator=(const prepared_text &) = delete;

  const rebuy_text &abi() const noexcept { return abi_; }
  // The keys of the tokens, for checking what the tokeniser made.
  std::vector<std::string> keys() const;

private:
  std::string text_;
  std::deque<std::string> keys_; // stable addresses
  std::vector<rebuy_sentence> sentences_;
  std::vector<rebuy_token> tokens_;
  rebuy_text abi_{};
};

// A response with the given texts (title and body, say).
class prepared_response {
public:
  explicit prepared_response(std::vector<std::string> texts, int64_t id = 1);
  prepared_response(const prepared_response &) = delete;
  prepared_response &operator=(const prepared_response &) = delete;
  const rebuy_response &abi() const noexcept { return abi_; }

private:
  std::deque<prepared_text> prepared_;
  std::vector<rebuy_text> texts_;
  rebuy_response abi_{};
};

} // namespace rebuy::themes::testing

#endif // REBUY_THEMES_TESTS_PREPARED_TEXT_HPP
