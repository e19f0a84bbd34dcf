#pragma once
// A plugin that crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, abort) costs only that
// plugin. Each call into a plugin marks its thread with what it is doing; when
// a fatal signal arrives on a marked thread, the handler names the plugin, the
// file and the batch on stderr, records the plugin as set aside (plugin_verdicts)
// and ends the process with plugin_crash_exit_code. A signal on an unmarked
// thread is rebuy's own: what handled it before runs (the default action, a core
// dump and exit 128 + n, or a sanitizer's report).
//
// Why not a child process per plugin: every batch would cross a pipe (records
// one way, prepared texts and scores the other), about as much work again as
// the import itself. The store needs no child to stay consistent: a process
// that ends mid-transaction leaves nothing of it (SQLite's journal), and the
// next open marks the run interrupted (run_log.hpp). What a handler cannot do
// is undo damage a plugin did to rebuy's memory before it crashed; it uses only
// async-signal-safe calls on memory prepared in advance, so it still runs then.
#include "host/plugin.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace rebuy::core {

constexpr int plugin_crash_exit_code = 5;

// Once per process, before plugins run: where to record a crash.
void install_plugin_crash_handler(const std::filesystem::path &verdicts_file);

// Marks the calling thread as running `owner` for its lifetime. `doing` is
// "probing", "opening", "reading", "describing", "closing", "creating",
// "analyzing"; `subject` the file or store; `batch` counts from 1 (0: none).
// Strings must outlive the object. Costs two thread-local stores.
class in_plugin {
public:
  in_plugin(const plugin &owner, const char *doing, const std::string &subject,
            uint64_t batch = 0) noexcept;
  ~in_plugin();
  in_plugin(const in_plugin &) = delete;
  in_plugin &operator=(const in_plugin &) = delete;

private:
  const plugin &owner_;
  const char *doing_;
  const std::string &subject_;
  uint64_t batch_;
  const in_plugin *outer_;
  friend struct crash_report;
};

} // namespace rebuy::core
