#pragma once
// Checkpoints a store's write-ahead log on a thread of its own while a connection writes, in
// place of SQLite's automatic checkpoint, which runs inside the commit that passes 1,000 pages of
// log: with 64 KiB pages the analysis' last commit then waited ~0.15 s for 64 MB to be synced
// twice, and with it the whole pipeline. A passive checkpoint waits for no lock; what it leaves
// is checkpointed by the next one, or when the last connection closes.
#include "store/sqlite.hpp"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace rebuy::core {

class wal_checkpointer {
public:
  // SQLite's own: the log's size in pages from which a commit checkpoints.
  static constexpr int sqlite_autocheckpoint_pages = 1000;

  // While it lives, `writer` no longer checkpoints by itself; a commit that leaves `pages` pages
  // of log or more asks for a checkpoint.
  explicit wal_checkpointer(sql::sqlite_connection &writer,
                            int pages = sqlite_autocheckpoint_pages);
  ~wal_checkpointer();
  wal_checkpointer(const wal_checkpointer &) = delete;
  wal_checkpointer &operator=(const wal_checkpointer &) = delete;

  // Asks for a checkpoint now, whatever the log's size: before work that writes little.
  void request();
  // Checkpoints run so far.
  unsigned passes() const { return passes_.load(); }

private:
  static int on_commit(void *self, sqlite3 *db, const char *schema, int pages) noexcept;
  // Sets `flag` (wanted_ or stop_) and wakes the thread.
  void signal(bool &flag);
  void run();

  sql::sqlite_connection &writer_;
  int pages_;
  std::unique_ptr<sql::sqlite_connection> checkpointing_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool wanted_ = false, stop_ = false;
  std::atomic<unsigned> passes_{0};
  std::thread thread_;
};

} // namespace rebuy::core
