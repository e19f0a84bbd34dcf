#pragma once
// The progress line on stderr for long work: shown only on a terminal and only
// once the work has run for a second, redrawn at most ten times a second.
#include <chrono>
#include <cstdint>
#include <string>

namespace rebuy::core {

class progress_line {
public:
  explicit progress_line(std::string label);
  ~progress_line();
  // total_bytes may be 0 when unknown.
  void update(uint64_t done_bytes, uint64_t total_bytes, uint64_t rows);
  // Erases the line.
  void finish();

private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

} // namespace rebuy::core
