#pragma once
// Inflates a gzip file as it is read, so a multi-GB `.json.gz` never exists
// uncompressed, on disk or in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace rebuy::core {

// How a compressed stream went wrong. Deflate data is verified only at the end
// of each member (CRC-32 and length): before that, what was inflated is read in
// good faith, and a member that fails its check makes all of it suspect.
enum class gzip_damage {
  none,
  truncated,     // the file ends inside a member: what came before inflated without error
  corrupt,       // invalid deflate data, or a CRC or length that does not match
  trailing_bytes // bytes after the last member, not read
};

class gzip_stream {
public:
  // Reads compressed bytes through `read_compressed` (returns 0 at the end of
  // the file). Concatenated gzip members are one stream, as gzip(1) reads them.
  explicit gzip_stream(std::function<size_t(char *, size_t)> read_compressed);
  ~gzip_stream();
  gzip_stream(const gzip_stream &) = delete;
  gzip_stream &operator=(const gzip_stream &) = delete;

  // Fills up to `capacity` inflated bytes; 0 at the end. A file that ends
  // inside a member, or whose data is corrupt, ends there and damage() says
  // what happened: of a corrupt member, nothing inflated can be trusted.
  size_t read(char *buffer, size_t capacity);

  // Empty while the stream is sound; else why it ended early.
  const std::string &damage() const noexcept { return damage_; }
  gzip_damage damage_kind() const noexcept { return damage_kind_; }

  // True when the bytes start like a gzip member.
  static bool starts_gzip(std::string_view head) noexcept {
    return head.size() >= 2 && head[0] == '\x1f' && head[1] == '\x8b';
  }

private:
  // Makes `wanted` compressed bytes available unless the file ends first.
  bool fill(size_t wanted);

  struct state;
  std::unique_ptr<state> state_;
  std::function<size_t(char *, size_t)> read_compressed_;
  std::string input_;
  bool input_done_ = false;
  bool ended_ = false;
  uint64_t compressed_used_ = 0;
  std::string damage_;
  gzip_damage damage_kind_ = gzip_damage::none;
};

} // namespace rebuy::core
