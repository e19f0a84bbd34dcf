#pragma once
// The progress line on stderr for long work: shown only on a terminal and only
// once the work has run for a second, redrawn at most ten times a second.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace rebuy::core {

// Where long work stands: `done` of `total` units (bytes of a file, or rows;
// total 0 when unknown), `rows` handled, after `seconds`.
struct progress_state {
  uint64_t done = 0, total = 0;
  bool in_bytes = false; // done and total count bytes, else rows
  uint64_t rows = 0;
  double seconds = 0;
};

// "analyzing: 5%  53,248 of 1,000,000 rows  41,000 rows/s  23 s left", or for
// bytes "importing a.csv: 40%  200,000 rows  100,000 rows/s  20.0 MB/s  3 s left".
// Rates keep two significant digits so that the redrawn line does not flicker.
std::string progress_text(std::string_view label, const progress_state &state);

class progress_line {
public:
  explicit progress_line(std::string label);
  ~progress_line();
  // Reading a file: bytes read of its size (0 when unknown), rows so far.
  void update_bytes(uint64_t done_bytes, uint64_t total_bytes, uint64_t rows);
  // Work counted in rows.
  void update_rows(uint64_t done_rows, uint64_t total_rows);
  // Erases the line.
  void finish();

private:
  void draw(progress_state state);

  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

} // namespace rebuy::core
