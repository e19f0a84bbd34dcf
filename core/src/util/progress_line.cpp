#include "util/progress_line.hpp"

#include "util/format_count.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rebuy::core {
namespace {

// Rounded to two significant digits: 40,960 → 41,000.
uint64_t two_digits(double rate) {
  if (!(rate >= 100)) return static_cast<uint64_t>(std::llround(std::max(rate, 0.0)));
  const double unit = std::pow(10.0, std::floor(std::log10(rate)) - 1);
  return static_cast<uint64_t>(std::llround(rate / unit) * static_cast<long long>(unit));
}

// "23 s", "16 min 39 s", "2 h 5 min".
std::string duration(double seconds) {
  const auto s = std::max<long long>(1, std::llround(seconds));
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {} s", s / 60, s % 60);
  return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
}

} // namespace

std::string progress_text(std::string_view label, const progress_state &state) {
  std::string line = std::string(label) + ":";
  const size_t head = line.size();
  auto part = [&](const std::string &text) { line += (line.size() == head ? " " : "  ") + text; };
  const bool known = state.total > 0 && state.done <= state.total;
  if (known)
    part(fmt::format("{:.0f}%",
                     100.0 * static_cast<double>(state.done) / static_cast<double>(state.total)));
  part(format_count(state.rows) +
       (known && !state.in_bytes ? " of " + format_count(state.total) : "") + " rows");
  if (state.seconds <= 0) return line;
  part(format_count(two_digits(static_cast<double>(state.rows) / state.seconds)) + " rows/s");
  const double per_second = static_cast<double>(state.done) / state.seconds;
  if (state.in_bytes) part(fmt::format("{:.1f} MB/s", per_second / 1e6));
  if (known && per_second > 0 && state.done < state.total)
    part(duration(static_cast<double>(state.total - state.done) / per_second) + " left");
  return line;
}

progress_line::progress_line(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

progress_line::~progress_line() { finish(); }

void progress_line::update_bytes(uint64_t done_bytes, uint64_t total_bytes, uint64_t rows) {
  draw({done_bytes, total_bytes, true, rows, 0});
}

void progress_line::update_rows(uint64_t done_rows, uint64_t total_rows) {
  draw({done_rows, total_rows, false, done_rows, 0});
}

void progress_line::draw(progress_state state) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100))
    return;
  last_ = now;
  state.seconds = std::chrono::duration<double>(now - start_).count();
  std::string line = progress_text(label_, state);
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
