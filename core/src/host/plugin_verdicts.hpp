#pragma once
// What rebuy has learnt about each plugin file: whether loading it crashes (found
// out once, in a child process, see plugin_registry) and whether it crashed rebuy
// and is set aside. Kept per user, in <state dir>/plugins.tsv, keyed by the file's path
// and the SHA-256 of its content. Not in the store: plugins belong to the user's
// installation, not to one database; `plugins list` needs no store; and the
// crash handler, which records a crash, cannot use SQLite.
//
// The file is only ever appended to, one record per line, so a crash handler
// can add one with a single write; reading folds the records per path, the
// last one winning. When it has grown to many times what it says, the next
// reader rewrites it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace rebuy::core {

// What identifies a file's content without reading it: when all of these are
// unchanged (ctime cannot be set by hand), so is its SHA-256.
struct file_identity {
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const file_identity &) const = default;
  std::string text() const;
  static std::optional<file_identity> parse(std::string_view text);
  static std::optional<file_identity> of(const std::filesystem::path &file);
};

struct plugin_verdict {
  file_identity identity;
  std::string sha256;
  std::string host;   // the rebuy version that loaded it in a child: another may fare otherwise
  bool safe = false;  // loading it did not crash the child (the loader may still refuse it)
  std::string reason; // how it crashed the child
  // Set aside after a crash of that content: which plugin, why, when (Unix seconds).
  std::string aside_sha256, aside_id, aside_reason;
  int64_t aside_at = 0;
  bool set_aside() const { return !aside_sha256.empty() && aside_sha256 == sha256; }
};

// <state dir>/plugins.tsv: $REBUY_STATE_DIR, else $XDG_STATE_HOME/rebuy, else
// ~/.local/state/rebuy. Empty when none can be found.
std::filesystem::path default_verdicts_file();

class plugin_verdicts {
public:
  // Reads `file` (which may not exist yet). An empty path keeps nothing.
  explicit plugin_verdicts(std::filesystem::path file);

  const std::filesystem::path &file() const { return file_; }
  const plugin_verdict *find(const std::filesystem::path &plugin) const;
  // The result of loading `plugin` in a child process under rebuy `host`.
  void record_check(const std::filesystem::path &plugin, const file_identity &identity,
                    const std::string &sha256, const std::string &host, bool safe,
                    const std::string &reason);
  // Lifts a set-aside; false when `plugin` was not set aside.
  bool enable(const std::filesystem::path &plugin);
  // Every path whose current content is set aside.
  std::map<std::string, plugin_verdict> set_aside() const;

  // One record line as the crash handler writes it: "crash", path, sha256, id,
  // Unix time, reason, tab-separated; tabs and newlines in fields escaped.
  static void append_escaped(std::string &line, std::string_view field);

private:
  void append(const std::string &line);
  void compact();
  std::filesystem::path file_;
  std::map<std::string, plugin_verdict> by_path_;
  size_t lines_ = 0;
};

} // namespace rebuy::core
