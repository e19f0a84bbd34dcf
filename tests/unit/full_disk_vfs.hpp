#pragma once
// A disk that fills up, for tests: an SQLite VFS over the default one whose
// writes fail with SQLITE_FULL once a byte budget is spent, the way writes
// fail on a full file system. It is the default VFS while it lives.
#include <sqlite3.h>

#include <cstring>

namespace rebuy::test {

class full_disk {
public:
  // Writes pass until `budget` bytes have been written, through any file.
  explicit full_disk(sqlite3_int64 budget) {
    budget_ = budget;
    base_ = sqlite3_vfs_find(nullptr);
    vfs_ = *base_;
    vfs_.zName = "rebuy_full_disk";
    vfs_.szOsFile = static_cast<int>(sizeof(file)) + base_->szOsFile;
    vfs_.xOpen = &open;
    sqlite3_vfs_register(&vfs_, /*makeDflt=*/1);
  }
  ~full_disk() { sqlite3_vfs_unregister(&vfs_); }
  full_disk(const full_disk &) = delete;
  full_disk &operator=(const full_disk &) = delete;

  // True once a write was refused.
  static bool filled() { return budget_ < 0; }

private:
  static inline sqlite3_int64 budget_ = 0;
  static inline sqlite3_vfs *base_ = nullptr;
  static inline sqlite3_vfs vfs_{};

  // Ours first, the real file right behind it in the same allocation.
  struct file {
    sqlite3_file base;
    sqlite3_file *real;
  };
  static sqlite3_file *real(sqlite3_file *f) { return reinterpret_cast<file *>(f)->real; }
  static const sqlite3_io_methods &m(sqlite3_file *f) { return *real(f)->pMethods; }

  static int open(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *f, int flags, int *out) {
    auto *ours = reinterpret_cast<file *>(f);
    ours->base.pMethods = nullptr;
    ours->real = reinterpret_cast<sqlite3_file *>(ours + 1);
    int rc = base_->xOpen(base_, name, ours->real, flags, out);
    // SQLite closes a file whose pMethods is set even when opening failed.
    if (ours->real->pMethods) ours->base.pMethods = &methods;
    return rc;
  }

  static inline const sqlite3_io_methods methods = {
      3,
      [](sqlite3_file *f) { return m(f).xClose(real(f)); },
      [](sqlite3_file *f, void *b, int n, sqlite3_int64 at) {
        return m(f).xRead(real(f), b, n, at);
      },
      [](sqlite3_file *f, const void *b, int n, sqlite3_int64 at) {
        if ((budget_ -= n) < 0) return SQLITE_FULL;
        return m(f).xWrite(real(f), b, n, at);
      },
      [](sqlite3_file *f, sqlite3_int64 size) { return m(f).xTruncate(real(f), size); },
      [](sqlite3_file *f, int flags) { return m(f).xSync(real(f), flags); },
      [](sqlite3_file *f, sqlite3_int64 *size) { return m(f).xFileSize(real(f), size); },
      [](sqlite3_file *f, int lock) { return m(f).xLock(real(f), lock); },
      [](sqlite3_file *f, int lock) { return m(f).xUnlock(real(f), lock); },
      [](sqlite3_file *f, int *out) { return m(f).xCheckReservedLock(real(f), out); },
      [](sqlite3_file *f, int op, void *arg) { return m(f).xFileControl(real(f), op, arg); },
      [](sqlite3_file *f) { return m(f).xSectorSize(real(f)); },
      [](sqlite3_file *f) { return m(f).xDeviceCharacteristics(real(f)); },
      [](sqlite3_file *f, int page, int size, int extend, void volatile **out) {
        return m(f).xShmMap(real(f), page, size, extend, out);
      },
      [](sqlite3_file *f, int offset, int n, int flags) {
        return m(f).xShmLock(real(f), offset, n, flags);
      },
      [](sqlite3_file *f) { m(f).xShmBarrier(real(f)); },
      [](sqlite3_file *f, int remove) { return m(f).xShmUnmap(real(f), remove); },
      [](sqlite3_file *f, sqlite3_int64 at, int n, void **out) {
        return m(f).xFetch(real(f), at, n, out);
      },
      [](sqlite3_file *f, sqlite3_int64 at, void *p) { return m(f).xUnfetch(real(f), at, p); },
  };
};

} // namespace rebuy::test
