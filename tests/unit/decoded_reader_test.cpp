#include "input/decoded_reader.hpp"
#include "input/utf8_decoder.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <unistd.h>

using rebuy::core::decoded_reader;
using rebuy::core::read_decoded_head;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

// A directory of its own under the system temp dir, removed with everything in it.
class temp_dir {
public:
  temp_dir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("rebuy_decoded_reader_test_" + std::to_string(::getpid()) +
                                         "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path write(const std::string &name, const std::string &bytes) const {
    const fs::path file = path_ / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
  const fs::path &path() const { return path_; }

private:
  fs::path path_;
};

// Reads everything in pieces of `piece` bytes, so a character also gets split between reads.
std::string read_all(decoded_reader &reader, size_t piece = 4096) {
  std::string out, buffer(piece, '\0');
  while (size_t n = reader.read(buffer.data(), buffer.size()))
    out.append(buffer.data(), n);
  CHECK(reader.read(buffer.data(), buffer.size()) == 0);
  return out;
}

std::string utf16(std::u16string_view text, bool little_endian) {
  std::string out;
  for (char16_t unit : text) {
    const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
    out += little_endian ? low : high;
    out += little_endian ? high : low;
  }
  return out;
}

const std::string text_utf8 = "Grüße aus Köln 😀 — “quoted” 結帳\r\nline 2 ok\n";
const std::u16string text_utf16 = u"Grüße aus Köln 😀 — “quoted” 結帳\r\nline 2 ok\n";

} // namespace

TEST_CASE("decoded_reader: UTF-8 without BOM") {
  temp_dir dir;
  const fs::path file = dir.write("plain.csv", text_utf8);
  decoded_reader reader(file);
  CHECK(reader.encoding() == "UTF-8");
  CHECK_FALSE(reader.converted());
  CHECK(reader.file_size() == text_utf8.size());
  CHECK(read_all(reader, 5) == text_utf8);
  CHECK(reader.invalid_sequences() == 0);
  CHECK(reader.raw_bytes_read() == text_utf8.size());
}

TEST_CASE("decoded_reader: UTF-8 with BOM, in chunks of every size") {
  temp_dir dir;
  const fs::path file = dir.write("bom.csv", "\xEF\xBB\xBF" + text_utf8);
  for (size_t chunk = 1; chunk <= 9; ++chunk) {
    CAPTURE(chunk);
    decoded_reader reader(file, false, chunk);
    CHECK(reader.encoding() == "UTF-8 (BOM)");
    CHECK_FALSE(reader.converted());
    CHECK(read_all(reader, 3) == text_utf8);
    CHECK(reader.invalid_sequences() == 0);
    CHECK(reader.raw_bytes_read() == text_utf8.size() + 3);
  }
}

TEST_CASE("decoded_reader: UTF-16LE and UTF-16BE with BOM, pairs cut by chunks") {
  temp_dir dir;
  const fs::path le = dir.write("le.csv", "\xFF\xFE" + utf16(text_utf16, true));
  const fs::path be = dir.write("be.csv", "\xFE\xFF" + utf16(text_utf16, false));
  // Chunks of 1 to 9 bytes cut the emoji's surrogate pair at every possible place.
  for (size_t chunk = 1; chunk <= 9; ++chunk) {
    CAPTURE(chunk);
    decoded_reader little(le, false, chunk);
    CHECK(little.encoding() == "UTF-16LE");
    CHECK(little.converted());
    CHECK(read_all(little, 7) == text_utf8);
    CHECK(little.invalid_sequences() == 0);
    decoded_reader big(be, false, chunk);
    CHECK(big.encoding() == "UTF-16BE");
    CHECK(big.converted());
    CHECK(read_all(big, 7) == text_utf8);
    CHECK(big.invalid_sequences() == 0);
  }
}

TEST_CASE("decoded_reader: big files cut at the sniff window and the chunk size") {
  temp_dir dir;
  // An emoji straddles the end of the sniffed 64 KiB, another one a later chunk boundary.
  std::u16string text(decoded_reader::sniff_size / 2 - 2, u'a');
  text += u"😀";
  text += std::u16string(100000, u'b');
  text += u"😀 end";
  const fs::path le = dir.write("big16.csv", "\xFF\xFE" + utf16(text, true));
  std::string expected(decoded_reader::sniff_size / 2 - 2, 'a');
  expected += "😀" + std::string(100000, 'b') + "😀 end";
  for (size_t chunk : {size_t{1000}, size_t{4099}, decoded_reader::default_chunk_size}) {
    CAPTURE(chunk);
    decoded_reader reader(le, false, chunk);
    CHECK(reader.encoding() == "UTF-16LE");
    CHECK(read_all(reader) == expected);
    CHECK(reader.invalid_sequences() == 0);
    CHECK(reader.raw_bytes_read() == reader.file_size());
  }

  std::string utf8(decoded_reader::sniff_size - 2, 'x');
  utf8 += "€ and ü" + std::string(70000, 'y') + "\xFF tail";
  const fs::path file = dir.write("big8.csv", utf8);
  decoded_reader reader(file, false, 997);
  CHECK(reader.encoding() == "UTF-8");
  std::string expected8 = utf8;
  expected8.replace(expected8.find('\xFF'), 1, "\xEF\xBF\xBD");
  CHECK(read_all(reader, 65536) == expected8);
  CHECK(reader.invalid_sequences() == 1);
}

TEST_CASE("decoded_reader: Windows-1252 is converted") {
  temp_dir dir;
  const fs::path file =
      dir.write("legacy.csv", "name,comment\nAna,Caf\xE9 \x93great\x94 and na\xEFve, 5\x80\n");
  decoded_reader reader(file);
  CHECK(reader.encoding() == "windows-1252");
  CHECK(reader.converted());
  CHECK(read_all(reader) == "name,comment\nAna,Café “great” and naïve, 5€\n");
  CHECK(reader.invalid_sequences() == 0);
}

TEST_CASE("decoded_reader: Mac Roman is told from Windows-1252") {
  temp_dir dir;
  const fs::path file =
      dir.write("mac.txt", "Caf\x8E na\x95ve, d\x8Ej\x88 vu: \xD2quoted\xD3 and don\xD5t\n");
  decoded_reader reader(file);
  CHECK(reader.encoding() == "macintosh");
  CHECK(reader.converted());
  CHECK(read_all(reader) == "Café naïve, déjà vu: “quoted” and don’t\n");
}

TEST_CASE("decoded_reader: other code pages and UTF-16 without BOM") {
  temp_dir dir;
  const fs::path cyrillic =
      dir.write("ru.txt", "\xCE\xF2\xEB\xE8\xF7\xED\xFB\xE9 \xF2\xEE\xE2\xE0\xF0, \xEA\xF3\xEF\xEB"
                          "\xFE \xE5\xF9\xB8 \xF0\xE0\xE7. \xC4\xEE\xF1\xF2\xE0\xE2\xEA\xE0 \xE1"
                          "\xFB\xEB\xE0 \xE1\xFB\xF1\xF2\xF0\xEE\xE9.\n");
  decoded_reader ru(cyrillic);
  CHECK(ru.encoding() == "windows-1251");
  CHECK(read_all(ru) == "Отличный товар, куплю ещё раз. Доставка была быстрой.\n");

  const fs::path no_bom =
      dir.write("nobom.csv", utf16(u"id,comment\n1,UTF-16 from a tool that writes no BOM\n", true));
  decoded_reader le(no_bom);
  CHECK(le.encoding() == "UTF-16LE");
  CHECK(le.converted());
  CHECK(read_all(le) == "id,comment\n1,UTF-16 from a tool that writes no BOM\n");

  // ICU's detector calls these bytes UTF-32BE; they are not text, so they pass unchanged.
  const fs::path blob = dir.write("blob.bin", "\0\1\2\3"s);
  decoded_reader binary(blob);
  CHECK(binary.encoding() == "UTF-8");
  CHECK(read_all(binary) == "\0\1\2\3"s);
}

TEST_CASE("decoded_reader: invalid bytes in UTF-8 are counted and replaced") {
  temp_dir dir;
  // Enough valid multi-byte characters to show it is UTF-8: a stray 0xFF, a cut 'é', a cut '€'.
  const std::string bytes = "café ünïcödé: good \xFF bad \xC3 x \xE2\x82 end ñ\n";
  const fs::path file = dir.write("damaged.csv", bytes);
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{1 << 20}}) {
    CAPTURE(chunk);
    decoded_reader reader(file, false, chunk);
    CHECK(reader.encoding() == "UTF-8");
    CHECK_FALSE(reader.converted());
    CHECK(read_all(reader) == "café ünïcödé: good \uFFFD bad \uFFFD x \uFFFD end ñ\n");
    CHECK(reader.invalid_sequences() == 3);
  }

  const fs::path cut = dir.write("cut.csv", "ends in a cut euro \xE2\x82");
  decoded_reader reader(cut);
  CHECK(read_all(reader) == "ends in a cut euro \uFFFD");
  CHECK(reader.invalid_sequences() == 1);
}

TEST_CASE("decoded_reader: empty file") {
  temp_dir dir;
  const fs::path file = dir.write("empty.csv", "");
  decoded_reader reader(file);
  CHECK(reader.encoding() == "UTF-8");
  CHECK(reader.file_size() == 0);
  CHECK(read_all(reader).empty());
  CHECK(reader.sha256_hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(read_decoded_head(file).empty());
}

TEST_CASE("decoded_reader: errors name the path") {
  temp_dir dir;
  const fs::path missing = dir.path() / "no such file.csv";
  try {
    decoded_reader reader(missing);
    FAIL("no exception");
  } catch (const std::runtime_error &e) {
    CHECK(std::string(e.what()) == missing.string() + ": not found");
  }
  try {
    decoded_reader reader(dir.path());
    FAIL("no exception");
  } catch (const std::runtime_error &e) {
    CHECK(std::string(e.what()) == dir.path().string() + ": is a directory");
  }
  CHECK_THROWS_AS(read_decoded_head(missing), std::runtime_error);
}

TEST_CASE("decoded_reader: SHA-256 of the raw bytes") {
  temp_dir dir;
  const fs::path abc = dir.write("abc.txt", "abc");
  decoded_reader reader(abc);
  const std::string expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  CHECK(reader.sha256_hex() == expected);
  CHECK(read_all(reader) == "abc");
  CHECK(reader.sha256_hex() == expected);

  // Asked half way through a big file, it hashes ahead and reading carries on where it was.
  std::string big;
  for (int i = 0; big.size() < 300000; ++i)
    big += "row " + std::to_string(i) + ",ça va\n";
  const fs::path file = dir.write("big.csv", big);
  const std::string digest = rebuy::core::sha256::hex(big);
  decoded_reader first(file, false, 4096);
  std::string start(100000, '\0');
  REQUIRE(first.read(start.data(), start.size()) == start.size());
  CHECK(first.sha256_hex() == digest);
  CHECK(start + read_all(first) == big);
  decoded_reader second(file, false, 4096);
  CHECK(read_all(second) == big);
  CHECK(second.sha256_hex() == digest);

  // Raw mode hashes the same bytes and hands them out untouched.
  const fs::path bom = dir.write("bom16.csv", "\xFF\xFE" + utf16(u"hi", true));
  decoded_reader raw(bom, true);
  CHECK(raw.encoding() == "raw");
  CHECK_FALSE(raw.converted());
  CHECK(read_all(raw) == "\xFF\xFEh\0i\0"s);
  CHECK(raw.sha256_hex() == rebuy::core::sha256::hex("\xFF\xFEh\0i\0"s));
}

TEST_CASE("decoded_reader: read_decoded_head of a UTF-16 file") {
  temp_dir dir;
  std::u16string text;
  while (text.size() < 100000)
    text += u"Ünïcode 😀 row\n";
  const fs::path file = dir.write("head16.csv", "\xFF\xFE" + utf16(text, true));
  std::string expected;
  while (expected.size() < 300000)
    expected += "Ünïcode 😀 row\n";

  const std::string head = read_decoded_head(file, 1000);
  CHECK(head.size() <= 1000);
  CHECK(head.size() >= 997);
  CHECK(expected.compare(0, head.size(), head) == 0); // cut before a character, never inside

  const std::string whole_head = read_decoded_head(file);
  CHECK(whole_head.size() <= 64 * 1024);
  CHECK(expected.compare(0, whole_head.size(), whole_head) == 0);
  CHECK(read_decoded_head(dir.write("small16.csv", "\xFE\xFF" + utf16(u"a,b\n1,é\n", false))) ==
        "a,b\n1,é\n");
}

TEST_CASE("decoded_reader: random damage decodes the same in any chunk size") {
  std::mt19937 rng(11);
  std::string utf8;
  for (int i = 0; i < 3000; ++i)
    utf8 += "é";
  std::string legacy = "Caf\xE9 ";
  for (int i = 0; i < 2000; ++i) {
    const char byte = static_cast<char>(rng() % 256);
    utf8 += byte;
    legacy += byte;
  }
  utf8 += "😀 end";
  temp_dir dir;
  for (const std::string &bytes : {utf8, legacy, "\xFF\xFE" + legacy, "\xFE\xFF" + legacy}) {
    const fs::path file = dir.write("random.bin", bytes);
    decoded_reader whole(file);
    const std::string expected = read_all(whole);
    CHECK(rebuy::core::count_utf8(expected, true).invalid == 0);
    if (bytes == utf8) CHECK(whole.encoding() == "UTF-8");
    if (bytes == utf8 || bytes[0] == '\xFF') CHECK(whole.invalid_sequences() > 0);
    for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{4096}}) {
      CAPTURE(chunk);
      decoded_reader reader(file, false, chunk);
      CHECK(reader.encoding() == whole.encoding());
      CHECK(read_all(reader, 11) == expected);
      CHECK(reader.invalid_sequences() == whole.invalid_sequences());
    }
  }
}
