#include "util/cancel.hpp"

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace rebuy::core {
namespace {
std::atomic<bool> cancelled{false};

extern "C" void on_signal(int signal) {
  if (cancelled.exchange(true)) _exit(128 + signal);
}
} // namespace

void request_cancel() noexcept { cancelled = true; }
bool cancel_requested() noexcept { return cancelled.load(std::memory_order_relaxed); }

void install_cancel_handler() {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
}

} // namespace rebuy::core
