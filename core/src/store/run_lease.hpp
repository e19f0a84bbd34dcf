#pragma once
// Which import runs are alive. The process writing a run holds a lock on one
// byte of "<store>-runs.lock" (the byte at the run's id) for as long as it
// writes; the kernel drops it when the process ends, however it ends (kill -9,
// a crash, power loss). A 'running' run whose byte anyone can lock has no
// writer left. A lock, unlike a stored pid, cannot be fooled by a pid reused
// or a run started on another machine that shares the file.
//
// Open file description locks (F_OFD_SETLK): two descriptors conflict even in
// one process, and closing one never drops the locks of another, as it would
// with POSIX record locks.
#include <cstdint>
#include <filesystem>

namespace rebuy::core {

std::filesystem::path run_lock_path(const std::filesystem::path &store);

class run_lease {
public:
  run_lease() = default;
  // Takes the lock of run `id`; throws sql::error when it is held elsewhere or
  // the lock file cannot be opened.
  run_lease(const std::filesystem::path &store, int64_t id);
  ~run_lease();
  run_lease(run_lease &&other) noexcept;
  run_lease &operator=(run_lease &&other) noexcept;

private:
  int fd_ = -1;
};

// Looks at other runs' locks without waiting.
class run_liveness {
public:
  // `usable()` is false when the lock file cannot be opened (a read-only place).
  explicit run_liveness(const std::filesystem::path &store);
  ~run_liveness();
  run_liveness(const run_liveness &) = delete;
  run_liveness &operator=(const run_liveness &) = delete;

  bool usable() const { return fd_ >= 0; }
  // True when no process holds run `id`'s lock. Its lock is then held here
  // until this object is destroyed, so no writer can claim the run meanwhile.
  bool abandoned(int64_t id);

private:
  int fd_ = -1;
};

} // namespace rebuy::core
