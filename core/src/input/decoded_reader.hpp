#pragma once
// The bytes an importer sees: a file streamed as UTF-8, whatever it was written in.
#include "input/gzip_stream.hpp"
#include "util/sha256.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rebuy::core {

class byte_decoder;

// Streams a file as UTF-8: inflates gzip (recognised by its magic bytes), strips a UTF-8 BOM,
// converts UTF-16/32 (with a BOM, or without one when ICU's charset detector is sure and the result
// reads as text) and legacy code pages (chosen from the first 64 KiB when it is not UTF-8;
// windows-1252 when unsure), replaces invalid bytes with U+FFFD and counts them. Computes SHA-256
// of the file's bytes (compressed, if it is) as it reads. Never holds more than a chunk of the file
// in memory.
class decoded_reader {
public:
  static constexpr size_t default_chunk_size = 1 << 20;
  static constexpr size_t sniff_size = 64 * 1024;

  // raw: bytes as they are (no decoding; encoding() is "raw"). `chunk_size` (> 0) is the size of
  // each read from the file; tests make it small to cut sequences. Throws std::runtime_error
  // "<path>: <reason>" when it is not found or a directory, unavailable_error when it is there
  // but cannot be opened (permissions).
  explicit decoded_reader(const std::filesystem::path &path, bool raw = false,
                          size_t chunk_size = default_chunk_size);
  ~decoded_reader();
  decoded_reader(const decoded_reader &) = delete;
  decoded_reader &operator=(const decoded_reader &) = delete;

  // Fills up to `capacity` bytes of UTF-8 (a character may be split between two calls); returns
  // less than `capacity` only at the end, and 0 once it is reached. Throws on I/O error.
  size_t read(char *buffer, size_t capacity);

  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "windows-1252",
  // "macintosh", another ICU charset name, or "raw".
  const std::string &encoding() const noexcept { return encoding_; }
  bool converted() const noexcept { return converted_; } // true when not UTF-8: the CLI warns
  uint64_t invalid_sequences() const noexcept;           // replaced invalid sequences so far
  // Bytes of the file read so far and its size (0 when not a regular file), for progress.
  uint64_t raw_bytes_read() const noexcept { return gzip_ ? file_bytes_read_ : raw_bytes_read_; }
  uint64_t file_size() const noexcept { return file_size_; }
  bool compressed() const noexcept { return gzip_ != nullptr; }
  // Why a compressed file ended early (truncated, corrupt); empty when it did not.
  std::string damage() const { return gzip_ ? gzip_->damage() : std::string(); }
  gzip_damage damage_kind() const noexcept {
    return gzip_ ? gzip_->damage_kind() : gzip_damage::none;
  }

  // Inflates the rest of a compressed file without handing it out, so that
  // damage_kind() says whether all of it passed its check. Nothing for a plain file.
  void check_rest();

  // Of the raw bytes; reads the rest of the file first if needed, without disturbing read().
  std::string sha256_hex();

private:
  struct file_closer {
    void operator()(std::FILE *f) const noexcept { std::fclose(f); }
  };

  [[noreturn]] void fail(const std::string &reason) const;
  size_t read_file(char *buffer, size_t capacity);     // the file's content, inflated
  size_t read_raw_file(char *buffer, size_t capacity); // the file's bytes, hashed
  bool refill();

  std::filesystem::path path_;
  std::unique_ptr<std::FILE, file_closer> file_;
  size_t chunk_size_;
  uint64_t file_size_ = 0;
  uint64_t raw_bytes_read_ = 0;  // of the content, before decoding
  uint64_t file_bytes_read_ = 0; // of the file
  std::string magic_;            // the first bytes, read to recognise gzip, served first
  bool raw_file_done_ = false;
  std::unique_ptr<gzip_stream> gzip_;
  bool file_done_ = false; // the file has no more bytes
  bool finished_ = false;  // and the decoder has been flushed

  std::string head_;     // the sniffed start of the file, decoded before the file is read on
  size_t head_used_ = 0; // how much of head_ went to the decoder
  std::string chunk_;    // raw bytes read from the file, reused
  std::string out_;      // decoded bytes not yet handed out
  size_t out_used_ = 0;

  std::unique_ptr<byte_decoder> decoder_; // null when raw
  std::string encoding_;
  bool converted_ = false;

  sha256 hash_;
  bool hashed_ahead_ = false; // sha256_hex() has hashed the rest of the file already
  std::optional<std::string> digest_;
};

// The first up to `max_bytes` bytes of decoded text, for plugin probes; never ends in the middle of
// a character.
std::string read_decoded_head(const std::filesystem::path &path, size_t max_bytes = 64 * 1024);

} // namespace rebuy::core
