#pragma once
// SHA-256 through OpenSSL, for file fingerprints and content keys.
#include <memory>
#include <string>
#include <string_view>

namespace rebuy::core {

class sha256 {
public:
  sha256();
  ~sha256();
  sha256(const sha256 &) = delete;
  sha256 &operator=(const sha256 &) = delete;

  void update(std::string_view bytes);
  // Lower-case hex digest; the object is reset afterwards.
  std::string hex_digest();
  // The first `digits` hex digits of the digest into `out`, reusing its memory; resets.
  void hex_digest(std::string &out, size_t digits);

  static std::string hex(std::string_view bytes);

private:
  struct state;
  std::unique_ptr<state> state_;
};

} // namespace rebuy::core
