#include "input/decoded_reader.hpp"

#include "input/encoding_sniffer.hpp"
#include "input/icu_decoder.hpp"
#include "input/utf8_decoder.hpp"
#include "util/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace rebuy::core {

namespace fs = std::filesystem;

decoded_reader::decoded_reader(const fs::path &path, bool raw, size_t chunk_size)
    : path_(path), chunk_size_(chunk_size) {
  if (chunk_size == 0) throw std::invalid_argument("decoded_reader: the chunk size must be > 0");
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) fail("not found");
  if (ec)
    throw unavailable_error(path_.string() + ": cannot be read (" + ec.message() +
                            "): check the permissions of the file and the directories above it");
  if (fs::is_directory(status)) fail("is a directory");
  file_.reset(std::fopen(path.c_str(), "rb"));
  // It is there (checked above) but cannot be opened: permissions, or the system.
  if (!file_)
    throw unavailable_error(path_.string() + ": cannot be read (" + std::strerror(errno) +
                            "): check that you may read it");
  if (fs::is_regular_file(status)) {
    const uintmax_t size = fs::file_size(path, ec);
    file_size_ = ec ? 0 : size;
  }

  magic_.resize(2);
  magic_.resize(std::fread(magic_.data(), 1, 2, file_.get()));
  if (gzip_stream::starts_gzip(magic_))
    gzip_ = std::make_unique<gzip_stream>(
        [this](char *buffer, size_t capacity) { return read_raw_file(buffer, capacity); });

  if (raw) {
    encoding_ = "raw";
    return;
  }
  head_.resize(sniff_size);
  head_.resize(read_file(head_.data(), sniff_size));
  const detected_encoding detected = detect_encoding(head_);
  encoding_ = detected.label;
  converted_ = detected.converted;
  head_used_ = detected.bom_size; // the BOM is not text, but it was read
  raw_bytes_read_ = detected.bom_size;
  if (detected.converter.empty())
    decoder_ = std::make_unique<utf8_decoder>();
  else
    decoder_ = std::make_unique<icu_decoder>(detected.converter.c_str());
}

decoded_reader::~decoded_reader() = default;

void decoded_reader::fail(const std::string &reason) const {
  throw std::runtime_error(path_.string() + ": " + reason);
}

uint64_t decoded_reader::invalid_sequences() const noexcept {
  return decoder_ ? decoder_->invalid_sequences() : 0;
}

size_t decoded_reader::read_file(char *buffer, size_t capacity) {
  if (!gzip_) {
    const size_t total = read_raw_file(buffer, capacity);
    file_done_ = raw_file_done_;
    return total;
  }
  size_t total = 0;
  while (total < capacity && !file_done_) {
    const size_t got = gzip_->read(buffer + total, capacity - total);
    total += got;
    if (got == 0) file_done_ = true;
  }
  return total;
}

size_t decoded_reader::read_raw_file(char *buffer, size_t capacity) {
  size_t total = std::min(capacity, magic_.size());
  std::memcpy(buffer, magic_.data(), total);
  magic_.erase(0, total);
  while (total < capacity && !raw_file_done_) {
    const size_t wanted = capacity - total;
    const size_t got = std::fread(buffer + total, 1, wanted, file_.get());
    total += got;
    if (got < wanted) {
      if (std::ferror(file_.get())) fail(std::string("read error: ") + std::strerror(errno));
      raw_file_done_ = true;
    }
  }
  if (!hashed_ahead_) hash_.update({buffer, total});
  file_bytes_read_ += total;
  return total;
}

// Decodes the next piece of raw input into out_; false once everything has been decoded.
bool decoded_reader::refill() {
  if (finished_) return false;
  out_.clear();
  out_used_ = 0;

  std::string_view raw;
  if (head_used_ < head_.size()) {
    raw = std::string_view(head_).substr(head_used_, chunk_size_);
    head_used_ += raw.size();
  } else {
    if (!head_.empty()) {
      std::string().swap(head_); // done with the sniffed bytes
      head_used_ = 0;
    }
    if (chunk_.size() < chunk_size_) chunk_.resize(chunk_size_);
    raw = {chunk_.data(), file_done_ ? 0 : read_file(chunk_.data(), chunk_size_)};
  }
  raw_bytes_read_ += raw.size();

  const bool final = file_done_ && head_used_ >= head_.size();
  if (decoder_)
    decoder_->decode(raw, final, out_);
  else
    out_.assign(raw);
  finished_ = final;
  return true;
}

size_t decoded_reader::read(char *buffer, size_t capacity) {
  size_t done = 0;
  while (done < capacity) {
    if (out_used_ == out_.size()) {
      if (!refill()) break;
      continue;
    }
    const size_t n = std::min(capacity - done, out_.size() - out_used_);
    std::memcpy(buffer + done, out_.data() + out_used_, n);
    out_used_ += n;
    done += n;
  }
  return done;
}

void decoded_reader::check_rest() {
  if (!gzip_) return;
  std::string scratch(64 * 1024, '\0');
  while (!file_done_)
    read_file(scratch.data(), scratch.size());
}

std::string decoded_reader::sha256_hex() {
  if (digest_) return *digest_; // hex_digest() resets the hash, so keep the answer
  if (!raw_file_done_) {
    // Hash the rest now, then go back so that read() carries on where it was.
    hash_.update(magic_); // read to recognise gzip, not served yet
    std::fpos_t position;
    if (std::fgetpos(file_.get(), &position) != 0)
      fail(std::string("cannot hash ahead: ") + std::strerror(errno));
    std::string buffer(64 * 1024, '\0');
    size_t got;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file_.get())) > 0)
      hash_.update({buffer.data(), got});
    if (std::ferror(file_.get())) fail(std::string("read error: ") + std::strerror(errno));
    std::clearerr(file_.get());
    if (std::fsetpos(file_.get(), &position) != 0)
      fail(std::string("cannot hash ahead: ") + std::strerror(errno));
    hashed_ahead_ = true;
  }
  digest_ = hash_.hex_digest();
  return *digest_;
}

std::string read_decoded_head(const fs::path &path, size_t max_bytes) {
  decoded_reader reader(path);
  std::string head(max_bytes, '\0');
  head.resize(reader.read(head.data(), max_bytes));
  head.resize(head.size() - utf8_incomplete_tail(head));
  return head;
}

} // namespace rebuy::core
