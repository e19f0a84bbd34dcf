#include "store/wal_checkpointer.hpp"

#include <spdlog/spdlog.h>

#include <pthread.h>

namespace rebuy::core {

wal_checkpointer::wal_checkpointer(sql::sqlite_connection &writer, int pages)
    : writer_(writer), pages_(pages),
      checkpointing_(std::make_unique<sql::sqlite_connection>(writer.path(), /*read_only=*/false,
                                                              writer.busy_timeout())) {
  // A connection knows the store is in WAL mode once it has read from it.
  checkpointing_->pragma("PRAGMA journal_mode");
  thread_ = std::thread([this] { run(); });
  sqlite3_wal_hook(writer_.handle(), on_commit, this);
}

wal_checkpointer::~wal_checkpointer() {
  // SQLite's automatic checkpoint is a WAL hook too: setting its size puts it back.
  sqlite3_wal_autocheckpoint(writer_.handle(), sqlite_autocheckpoint_pages);
  signal(stop_);
  thread_.join();
}

void wal_checkpointer::request() { signal(wanted_); }

void wal_checkpointer::signal(bool &flag) {
  {
    std::lock_guard lock(mutex_);
    flag = true;
  }
  wake_.notify_one();
}

int wal_checkpointer::on_commit(void *self, sqlite3 *, const char *, int pages) noexcept {
  auto &c = *static_cast<wal_checkpointer *>(self);
  if (pages >= c.pages_) c.request();
  return SQLITE_OK;
}

void wal_checkpointer::run() {
  pthread_setname_np(pthread_self(), "rebuy-checkpoint");
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return wanted_ || stop_; });
    if (stop_) return;
    wanted_ = false;
    lock.unlock();
    const int rc = sqlite3_wal_checkpoint_v2(checkpointing_->handle(), nullptr,
                                             SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    // Not a failure of the work: the log is checkpointed later, at the latest on closing.
    if (rc != SQLITE_OK)
      spdlog::debug("{}: checkpoint: {}", writer_.name(), sqlite3_errmsg(checkpointing_->handle()));
    ++passes_;
    lock.lock();
  }
}

} // namespace rebuy::core
