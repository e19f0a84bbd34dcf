#include "gzip_bytes.hpp"
#include "input/decoded_reader.hpp"
#include "input/gzip_stream.hpp"
#include "util/sha256.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using rebuy::core::decoded_reader;
using rebuy::core::gzip_stream;
using rebuy::test::gzip;
namespace fs = std::filesystem;

namespace {

// Inflates `bytes` through gzip_stream in small reads, the way the reader does.
std::string inflate_all(const std::string &bytes, std::string &damage) {
  size_t pos = 0;
  gzip_stream stream([&](char *buffer, size_t capacity) {
    size_t n = std::min<size_t>({capacity, bytes.size() - pos, 7}); // odd chunks
    std::memcpy(buffer, bytes.data() + pos, n);
    pos += n;
    return n;
  });
  std::string out;
  char buffer[13];
  while (size_t n = stream.read(buffer, sizeof buffer))
    out.append(buffer, n);
  damage = stream.damage();
  return out;
}

std::string lines(int count) {
  std::string text = "id,comment\n";
  for (int i = 0; i < count; ++i)
    text += std::to_string(i) + ",line number " + std::to_string(i) + " of the file\n";
  return text;
}

} // namespace

TEST_CASE("gzip: a member inflates to its text") {
  std::string damage;
  CHECK(inflate_all(gzip(lines(500)), damage) == lines(500));
  CHECK(damage.empty());
}

TEST_CASE("gzip: concatenated members read as one stream, like gzip(1)") {
  std::string damage;
  CHECK(inflate_all(gzip("first\n") + gzip("second\n"), damage) == "first\nsecond\n");
  CHECK(damage.empty());
}

TEST_CASE("gzip: a truncated file yields what was complete and says so") {
  const std::string text = lines(2000);
  const std::string packed = gzip(text);
  std::string damage;
  std::string got = inflate_all(packed.substr(0, packed.size() / 2), damage);
  CHECK(!got.empty());
  CHECK(got.size() < text.size());
  CHECK(text.compare(0, got.size(), got) == 0); // a prefix, never garbage
  CHECK(damage.find("truncated") != std::string::npos);
}

TEST_CASE("gzip: corrupt data ends the stream with a reason, not a crash") {
  std::string packed = gzip(lines(2000));
  for (size_t i = 40; i < packed.size() - 8; i += 3)
    packed[i] = static_cast<char>(packed[i] ^ 0x5a);
  std::string damage;
  inflate_all(packed, damage);
  CHECK(!damage.empty());
}

TEST_CASE("gzip: decoded_reader inflates by content and hashes the compressed bytes") {
  const fs::path file =
      fs::temp_directory_path() / ("rebuy_gzip_test_" + std::to_string(::getpid()) + ".csv.gz");
  const std::string packed = gzip("\xEF\xBB\xBF" + lines(300));
  std::ofstream(file, std::ios::binary) << packed;
  {
    decoded_reader reader(file, false, 64);
    CHECK(reader.compressed());
    std::string out(1 << 20, '\0');
    out.resize(reader.read(out.data(), out.size()));
    CHECK(out == lines(300)); // the BOM inside the compressed text is removed too
    rebuy::core::sha256 h;
    h.update(packed);
    CHECK(reader.sha256_hex() == h.hex_digest());
    CHECK(reader.damage().empty());
  }
  fs::remove(file);
}

TEST_CASE("gzip: members read as one stream wherever the reads split them") {
  // Three members; the first read ends at every offset, the rest come in
  // reads of every size up to 9, so each member boundary meets a read
  // boundary at every distance, one byte of the next member included.
  const std::string texts[] = {lines(3), "second member\n", lines(5)};
  const std::string packed = gzip(texts[0]) + gzip(texts[1]) + gzip(texts[2]);
  for (size_t first = 1; first <= packed.size(); ++first)
    for (size_t chunk = 1; chunk <= 9; ++chunk) {
      CAPTURE(first);
      CAPTURE(chunk);
      size_t pos = 0;
      gzip_stream stream([&](char *buffer, size_t capacity) {
        size_t n = std::min({capacity, packed.size() - pos, pos == 0 ? first : chunk});
        std::memcpy(buffer, packed.data() + pos, n);
        pos += n;
        return n;
      });
      std::string out;
      char buffer[4096];
      while (size_t n = stream.read(buffer, sizeof buffer))
        out.append(buffer, n);
      REQUIRE(out == texts[0] + texts[1] + texts[2]);
      REQUIRE(stream.damage().empty());
    }
}

TEST_CASE("gzip: one stray byte after the last member is reported, not read") {
  std::string damage;
  CHECK(inflate_all(gzip("text\n") + "x", damage) == "text\n");
  CHECK(damage == "bytes after the end of the compressed data were ignored");
}
