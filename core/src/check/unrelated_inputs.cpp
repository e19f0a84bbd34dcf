#include "check/unrelated_inputs.hpp"

#include <cstdint>

namespace rebuy::core {
namespace {

// A complete 1x1 PNG image.
constexpr unsigned char png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
    0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
    0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
    0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99,
    0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

// The same bytes every run, so a failure can be reproduced.
std::string random_bytes(size_t count) {
  uint64_t state = 0x9e3779b97f4a7c15ull;
  std::string out(count, '\0');
  for (auto &c : out) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    c = static_cast<char>(state >> 56);
  }
  return out;
}

} // namespace

std::vector<unrelated_input> unrelated_inputs() {
  return {
      {"an empty file", "empty.csv", "", false},
      {"blank lines", "blank.txt", " \n\t\r\n  \n", false},
      {"a PNG image", "image.png", std::string(reinterpret_cast<const char *>(png), sizeof png),
       false},
      {"random bytes", "random.bin", random_bytes(8192), false},
      {"a short letter", "letter.txt",
       "Dear team,\n"
       "thank you for the quick reply last week. The parcel arrived on Tuesday, a day later "
       "than promised, but everything was in it.\n"
       "We will write again once we have tried the tent.\n"
       "Kind regards,\n"
       "Maria\n",
       true},
  };
}

} // namespace rebuy::core
