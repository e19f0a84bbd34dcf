#include "util/progress_line.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace rebuy::core {

progress_line::progress_line(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

progress_line::~progress_line() { finish(); }

void progress_line::update(uint64_t done_bytes, uint64_t total_bytes, uint64_t rows) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100))
    return;
  last_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb_per_s = static_cast<double>(done_bytes) / 1e6 / seconds;
  std::string line =
      total_bytes
          ? fmt::format("{}: {:3.0f}%  {} rows  {:.1f} MB/s", label_,
                        100.0 * static_cast<double>(done_bytes) / static_cast<double>(total_bytes),
                        rows, mb_per_s)
          : fmt::format("{}: {} rows  {:.1f} MB/s", label_, rows, mb_per_s);
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void progress_line::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

} // namespace rebuy::core
