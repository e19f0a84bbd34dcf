#pragma once
// How every fuzz target reads its input: all of it is the file, and a hash of its size and last
// byte shapes the run (how reads are split, how many rows a batch holds). Each mutation thus
// meets buffer boundaries somewhere else, and seeds are plain fixture files.
#include <rebuy/importer_testing.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace rebuy::fuzz {

struct fuzz_input {
  unsigned shape = 0;
  std::string_view file;
};

inline fuzz_input split_input(const uint8_t *data, size_t size) {
  if (size == 0) return {};
  return {static_cast<unsigned>(size * 37 + data[size - 1]) & 0xffu,
          std::string_view(reinterpret_cast<const char *>(data), size)};
}

// A broken property is a finding: libFuzzer saves the input that broke it.
#define REBUY_FUZZ_CHECK(condition, what)                                                          \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      std::fprintf(stderr, "fuzz property broken: %s (%s)\n", what, #condition);                   \
      std::abort();                                                                                \
    }                                                                                              \
  } while (0)

// Reads `text` whole, then in the chunk and read() sizes `shape` picks, through
// read_all(text, chunk_bytes, read_sizes): both must give the same.
template <typename ReadAll>
void check_same_whatever_the_reads(std::string_view text, unsigned shape, ReadAll read_all,
                                   const char *property) {
  const auto patterns = rebuy::testing::chunk_patterns();
  const size_t chunks[] = {1, 2, 3, 7, 64, 1000, 4096, 1 << 15};
  auto whole = read_all(text, 1 << 16, std::vector<size_t>{}); // inputs are at most 64 KiB
  auto pieces = read_all(text, chunks[shape % 8], patterns[(shape / 8) % patterns.size()]);
  REBUY_FUZZ_CHECK(pieces == whole, property);
}

} // namespace rebuy::fuzz
