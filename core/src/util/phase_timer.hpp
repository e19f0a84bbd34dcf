#pragma once
// Logs at debug level (rebuy -v) how long a phase took, when it ends: where a long run's time
// goes, without a profiler.
#include <spdlog/spdlog.h>

#include <chrono>
#include <string_view>

namespace rebuy::core {

class phase_timer {
public:
  explicit phase_timer(std::string_view phase)
      : phase_(phase), started_(std::chrono::steady_clock::now()) {}
  ~phase_timer() {
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    spdlog::debug("{}: {} ms", phase_,
                  std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
  }
  phase_timer(const phase_timer &) = delete;
  phase_timer &operator=(const phase_timer &) = delete;

private:
  std::string_view phase_;
  std::chrono::steady_clock::time_point started_;
};

} // namespace rebuy::core
