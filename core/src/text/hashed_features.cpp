#include "text/hashed_features.hpp"

#include "util/fnv1a.hpp"

#include <algorithm>
#include <cmath>

namespace rebuy::core {
namespace {

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool sentence_end(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n'; }

} // namespace

stats::sparse_row hashed_features(std::string_view text, unsigned bits) {
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  stats::sparse_row row;
  uint64_t previous = 0; // the hash of the word before, 0 at a sentence's start
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (!word_byte(c)) {
      if (sentence_end(text[i])) previous = 0;
      ++i;
      continue;
    }
    uint64_t h = fnv1a_basis; // FNV-1a of the lower-cased word
    for (; i < text.size() && word_byte(static_cast<unsigned char>(text[i])); ++i) {
      unsigned char b = static_cast<unsigned char>(text[i]);
      if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b - 'A' + 'a');
      h = (h ^ b) * fnv1a_prime;
    }
    row.index.push_back(static_cast<uint32_t>(h & mask));
    if (previous)
      row.index.push_back(static_cast<uint32_t>(((previous * 31) ^ (h >> 7)) * fnv1a_prime & mask));
    previous = h;
  }
  std::sort(row.index.begin(), row.index.end());
  row.index.erase(std::unique(row.index.begin(), row.index.end()), row.index.end());
  row.value.assign(row.index.size(),
                   row.index.empty() ? 0.0f : static_cast<float>(1 / std::sqrt(row.index.size())));
  return row;
}

} // namespace rebuy::core
