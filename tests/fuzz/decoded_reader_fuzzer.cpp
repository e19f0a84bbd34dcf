// A file as importers see it (core/src/input/decoded_reader): gzip recognised, the encoding
// detected from the first 64 KiB, the text converted to UTF-8. Properties: the output is
// valid UTF-8 whatever the bytes, and it does not depend on how the file is read (the size
// of each file read, of each request, a gzip wrapper).
#include "fuzz_input.hpp"
#include "gzip_member.hpp"

#include "input/decoded_reader.hpp"
#include "util/utf8.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <string>

namespace {

// The bytes as a file without touching the disk: importers read paths.
class memory_file {
public:
  explicit memory_file(std::string_view bytes) : fd_(memfd_create("fuzz", 0)) {
    REBUY_FUZZ_CHECK(fd_ >= 0, "memfd_create");
    for (size_t done = 0; done < bytes.size();) {
      ssize_t n = write(fd_, bytes.data() + done, bytes.size() - done);
      REBUY_FUZZ_CHECK(n > 0, "write to memfd");
      done += static_cast<size_t>(n);
    }
  }
  ~memory_file() { close(fd_); }
  memory_file(const memory_file &) = delete;
  memory_file &operator=(const memory_file &) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

private:
  int fd_;
};

std::string decode(std::string_view bytes, size_t chunk_size, size_t want) {
  memory_file file(bytes);
  rebuy::core::decoded_reader reader(file.path(), false, chunk_size);
  std::string out, buffer(want, '\0');
  while (size_t n = reader.read(buffer.data(), buffer.size()))
    out.append(buffer.data(), n);
  return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  auto [shape, bytes] = rebuy::fuzz::split_input(data, size);
  const size_t chunks[] = {1, 2, 3, 5, 64, 4093, 1 << 15, 1 << 16};
  std::string whole = decode(bytes, 1 << 16, 1 << 16); // inputs are at most 64 KiB
  REBUY_FUZZ_CHECK(rebuy::core::is_valid_utf8(whole), "decoded text is UTF-8");
  std::string pieces = decode(bytes, chunks[shape % 8], chunks[(shape / 8) % 8]);
  REBUY_FUZZ_CHECK(pieces == whole, "decoding does not depend on read sizes");
  if (shape & 0x80 && !rebuy::core::gzip_stream::starts_gzip(bytes)) {
    REBUY_FUZZ_CHECK(decode(rebuy::fuzz::gzip_member(bytes), chunks[shape % 8], 4093) == whole,
                     "a gzipped file decodes as the plain one");
  }
  return 0;
}
