#include "input/gzip_stream.hpp"

#include <zlib.h>

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

size_t gzip_stream::read(char *buffer, size_t capacity) {
  z_stream &z = state_->z;
  size_t done = 0;
  while (done < capacity && !ended_) {
    if (z.avail_in == 0) {
      if (input_done_) {
        // Inside a member (or before its header was complete) with no more input.
        if (z.total_in > 0 || z.total_out > 0)
          damage_ = "the compressed data ends early after " + std::to_string(compressed_used_) +
                    " bytes: the file is truncated";
        ended_ = true;
        break;
      }
      input_.resize(input_chunk);
      input_.resize(read_compressed_(input_.data(), input_.size()));
      if (input_.empty()) {
        input_done_ = true;
        continue;
      }
      z.next_in = reinterpret_cast<Bytef *>(input_.data());
      z.avail_in = static_cast<uInt>(input_.size());
    }
    z.next_out = reinterpret_cast<Bytef *>(buffer + done);
    z.avail_out = static_cast<uInt>(capacity - done);
    const uInt before_in = z.avail_in;
    const int rc = inflate(&z, Z_NO_FLUSH);
    compressed_used_ += before_in - z.avail_in;
    done = capacity - z.avail_out;
    if (rc == Z_STREAM_END) {
      // Another member may follow; anything else after the last one is not ours to read.
      if (z.avail_in == 0) {
        input_.resize(input_chunk);
        input_.resize(read_compressed_(input_.data(), input_.size()));
        z.next_in = reinterpret_cast<Bytef *>(input_.data());
        z.avail_in = static_cast<uInt>(input_.size());
        if (input_.empty()) {
          input_done_ = true;
          ended_ = true;
          break;
        }
      }
      if (z.avail_in < 2 || z.next_in[0] != 0x1f || z.next_in[1] != 0x8b) {
        damage_ = "bytes after the end of the compressed data were ignored";
        ended_ = true;
        break;
      }
      inflateReset(&z);
      z.total_in = z.total_out = 0;
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_MEM_ERROR) {
      damage_ = "the compressed data is corrupt after " + std::to_string(compressed_used_) +
                " bytes" + (z.msg ? std::string(" (") + z.msg + ")" : std::string());
      ended_ = true;
    } else if (rc == Z_BUF_ERROR && z.avail_in != 0) {
      break; // no room left in buffer; the caller reads again
    }
  }
  return done;
}

} // namespace rebuy::core
