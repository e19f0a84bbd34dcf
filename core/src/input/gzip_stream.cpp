#include "input/gzip_stream.hpp"

#include <zlib.h>

#include <cstring>
#include <stdexcept>

namespace rebuy::core {

namespace {
constexpr size_t input_chunk = 256 * 1024;
}

struct gzip_stream::state {
  z_stream z{};
};

gzip_stream::gzip_stream(std::function<size_t(char *, size_t)> read_compressed)
    : state_(std::make_unique<state>()), read_compressed_(std::move(read_compressed)) {
  // 16 + MAX_WBITS: a gzip header and trailer, not a raw zlib stream.
  if (inflateInit2(&state_->z, 16 + MAX_WBITS) != Z_OK)
    throw std::runtime_error("cannot start gzip decompression");
}

gzip_stream::~gzip_stream() { inflateEnd(&state_->z); }

bool gzip_stream::fill(size_t wanted) {
  z_stream &z = state_->z;
  while (z.avail_in < wanted && !input_done_) {
    // The unread bytes move to the front; the new ones go behind them.
    const size_t kept = z.avail_in;
    if (kept) std::memmove(input_.data(), z.next_in, kept);
    input_.resize(kept + input_chunk);
    const size_t got = read_compressed_(input_.data() + kept, input_chunk);
    input_.resize(kept + got);
    input_done_ = got == 0;
    z.next_in = reinterpret_cast<Bytef *>(input_.data());
    z.avail_in = static_cast<uInt>(input_.size());
  }
  return z.avail_in >= wanted;
}

size_t gzip_stream::read(char *buffer, size_t capacity) {
  z_stream &z = state_->z;
  size_t done = 0;
  while (done < capacity && !ended_) {
    if (!fill(1)) {
      // Inside a member (or before its header was complete) with no more input.
      if (z.total_in > 0 || z.total_out > 0) {
        damage_ = "the compressed data ends early after " + std::to_string(compressed_used_) +
                  " bytes: the file is truncated";
        damage_kind_ = gzip_damage::truncated;
      }
      ended_ = true;
      break;
    }
    z.next_out = reinterpret_cast<Bytef *>(buffer + done);
    z.avail_out = static_cast<uInt>(capacity - done);
    const uInt before_in = z.avail_in;
    const int rc = inflate(&z, Z_NO_FLUSH);
    compressed_used_ += before_in - z.avail_in;
    done = capacity - z.avail_out;
    if (rc == Z_STREAM_END) {
      // Another member may follow: its two magic bytes decide, read on when the
      // buffer ends between them. Anything else after the last member is not ours.
      const bool more = fill(2);
      if (more && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
        inflateReset(&z);
        z.total_in = z.total_out = 0;
        continue;
      }
      if (z.avail_in > 0) {
        damage_ = "bytes after the end of the compressed data were ignored";
        damage_kind_ = gzip_damage::trailing_bytes;
      }
      ended_ = true;
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
      damage_ = "the compressed data is corrupt after " + std::to_string(compressed_used_) +
                " bytes" + (z.msg ? std::string(" (") + z.msg + ")" : std::string());
      damage_kind_ = gzip_damage::corrupt;
      ended_ = true;
    } else if (rc == Z_BUF_ERROR && z.avail_in != 0) {
      break; // no room left in buffer; the caller reads again
    }
  }
  return done;
}

} // namespace rebuy::core
