// The gzip reader (core/src/input/gzip_stream) on hostile bytes and on its own round trip.
//   - The input read as a gzip file, through reads of the size the input's shape picks.
//   - The input compressed as two gzip members, split where the input's shape says: it reads back
//     exactly, through reads of every size.
//   - That file cut short: what it gives is a prefix of the input, and the cut is reported
//     unless it fell between members.
//   - That file with one byte flipped: it either reads back exactly (a byte gzip does not
//     check, such as the time stamp) or is reported damaged.
#include "fuzz_input.hpp"

#include "gzip_member.hpp"
#include "input/gzip_stream.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace {

using rebuy::core::gzip_damage;
using rebuy::core::gzip_stream;
using rebuy::fuzz::gzip_member;

struct inflated {
  std::string text;
  gzip_damage damage = gzip_damage::none;
};

// Reads `file` whole, handing out compressed bytes `step` at a time and asking for up to
// `want` inflated bytes at a time.
inflated inflate_all(std::string_view file, size_t step, size_t want) {
  size_t pos = 0;
  gzip_stream in([&](char *buffer, size_t capacity) {
    size_t n = std::min({capacity, step, file.size() - pos});
    if (n) std::memcpy(buffer, file.data() + pos, n);
    pos += n;
    return n;
  });
  inflated out;
  std::string buffer(want, '\0');
  while (size_t n = in.read(buffer.data(), buffer.size()))
    out.text.append(buffer.data(), n);
  out.damage = in.damage_kind();
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto [shape, text] = rebuy::fuzz::split_input(data, size);
  const size_t steps[] = {1 << 16, 1, 2, 3, 7, 512, 4093, 1 << 15};
  const size_t step = steps[shape % 8], want = steps[(shape / 8) % 8];

  inflate_all(text, step, want); // hostile: anything but a crash is fine

  size_t split = text.size() * shape / 255;
  std::string first = gzip_member(text.substr(0, split));
  std::string file = first + gzip_member(text.substr(split));
  inflated whole = inflate_all(file, step, want);
  REBUY_FUZZ_CHECK(whole.damage == gzip_damage::none && whole.text == text,
                   "two gzip members read back exactly");

  size_t cut = file.size() * (shape ^ 0x5a) / 255;
  inflated cut_short = inflate_all(std::string_view(file).substr(0, cut), step, want);
  REBUY_FUZZ_CHECK(text.compare(0, cut_short.text.size(), cut_short.text) == 0,
                   "a cut gzip file gives a prefix of its text");
  REBUY_FUZZ_CHECK(cut_short.damage != gzip_damage::corrupt, "a cut is not corruption");
  bool between_members = cut == 0 || cut == first.size() || cut == file.size();
  REBUY_FUZZ_CHECK(between_members || cut_short.damage != gzip_damage::none,
                   "a cut inside a member is reported");

  if (!file.empty()) {
    std::string flipped = file;
    flipped[(text.size() * 31 + shape) % flipped.size()] ^= static_cast<char>(1 << (shape % 8));
    inflated damaged = inflate_all(flipped, step, want);
    REBUY_FUZZ_CHECK(damaged.damage != gzip_damage::none || damaged.text == text,
                     "a flipped byte is read exactly or reported");
  }
  return 0;
}
