#include "store/run_lease.hpp"

#include "store/sql.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

namespace rebuy::core {
namespace {

int open_lock_file(const std::filesystem::path &store) {
  return ::open(run_lock_path(store).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
}

// 0 when the byte at `id` is now locked through `fd`, else errno.
int lock_byte(int fd, int64_t id) {
  struct flock lock {};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = static_cast<off_t>(id);
  lock.l_len = 1;
  return ::fcntl(fd, F_OFD_SETLK, &lock) == 0 ? 0 : errno;
}

} // namespace

std::filesystem::path run_lock_path(const std::filesystem::path &store) {
  return store.string() + "-runs.lock";
}

run_lease::run_lease(const std::filesystem::path &store, int64_t id) : fd_(open_lock_file(store)) {
  const int error = fd_ < 0 ? errno : lock_byte(fd_, id);
  if (error == 0) return;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  throw sql::error(fmt::format("{}: cannot lock run {}: {}", run_lock_path(store).string(), id,
                               std::strerror(error)),
                   error == EACCES || error == EAGAIN ? SQLITE_BUSY : SQLITE_CANTOPEN, error);
}

run_lease::~run_lease() {
  if (fd_ >= 0) ::close(fd_);
}

run_lease::run_lease(run_lease &&other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

run_lease &run_lease::operator=(run_lease &&other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

run_liveness::run_liveness(const std::filesystem::path &store) : fd_(open_lock_file(store)) {}

run_liveness::~run_liveness() {
  if (fd_ >= 0) ::close(fd_);
}

bool run_liveness::abandoned(int64_t id) { return fd_ >= 0 && lock_byte(fd_, id) == 0; }

} // namespace rebuy::core
