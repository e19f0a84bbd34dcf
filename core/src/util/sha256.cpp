#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace rebuy::core {

namespace {
// Fetched once: an implicit fetch on every init takes OpenSSL 3's global locks.
const EVP_MD *sha256_md() {
  static EVP_MD *md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}
} // namespace

struct sha256::state {
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  ~state() { EVP_MD_CTX_free(ctx); }
};

sha256::sha256() : state_(std::make_unique<state>()) {
  if (!state_->ctx || !sha256_md() || EVP_DigestInit_ex2(state_->ctx, sha256_md(), nullptr) != 1)
    throw std::runtime_error("cannot initialise SHA-256");
}

sha256::~sha256() = default;

void sha256::update(std::string_view bytes) {
  EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size());
}

std::string sha256::hex_digest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->ctx, digest, &size);
  EVP_DigestInit_ex2(state_->ctx, sha256_md(), nullptr);
  static const char digits[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (unsigned i = 0; i < size; ++i) {
    out[2 * i] = digits[digest[i] >> 4];
    out[2 * i + 1] = digits[digest[i] & 15];
  }
  return out;
}

std::string sha256::hex(std::string_view bytes) {
  sha256 h;
  h.update(bytes);
  return h.hex_digest();
}

} // namespace rebuy::core
