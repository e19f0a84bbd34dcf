#include "util/sha256.hpp"

#include <openssl/evp.h>

#include <algorithm>
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
  std::string out;
  hex_digest(out, 64);
  return out;
}

void sha256::hex_digest(std::string &out, size_t digits) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(state_->ctx, digest, &size);
  EVP_DigestInit_ex2(state_->ctx, sha256_md(), nullptr);
  static const char hex[] = "0123456789abcdef";
  out.resize(std::min<size_t>(digits, size * 2));
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = hex[i % 2 ? digest[i / 2] & 15 : digest[i / 2] >> 4];
}

std::string sha256::hex(std::string_view bytes) {
  sha256 h;
  h.update(bytes);
  return h.hex_digest();
}

} // namespace rebuy::core
