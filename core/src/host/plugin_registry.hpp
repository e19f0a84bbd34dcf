#pragma once
// Finds, loads and keeps the plugins of one rebuy run.
#include "host/plugin_loader.hpp"
#include "host/plugin_verdicts.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace rebuy::core {

// The directories searched, in order: the installation's plugin directory,
// the build tree's (when running from it), then each entry of
// REBUY_PLUGIN_PATH (colon-separated). Never the current directory.
std::vector<std::filesystem::path> default_plugin_dirs();

class plugin_registry {
public:
  plugin_registry() = default;
  // With verdicts, a file not seen before with its content (or by this rebuy
  // version) is first loaded in a child process, so that one that crashes the
  // loader is refused with a reason; the verdict is kept, keyed by path and
  // SHA-256, and later runs load a known file after a stat alone. A file set
  // aside after a crash is refused too.
  explicit plugin_registry(plugin_verdicts *verdicts) : verdicts_(verdicts) {}

  // Scans the directories in order, each in sorted file order. When two
  // plugins claim one id, the first wins and the second is refused.
  void scan(const std::vector<std::filesystem::path> &dirs);
  // Loads one more file (e.g. `rebuy plugins check FILE`); refusals are recorded.
  plugin_ptr add(const std::filesystem::path &file);

  const std::vector<plugin_ptr> &plugins() const { return plugins_; }
  const std::vector<plugin_refusal> &refused() const { return refused_; }
  plugin_ptr find(std::string_view id) const;
  std::vector<plugin_ptr> of_kind(rebuy_plugin_kind kind) const;

private:
  // Why `file` may not be loaded, from what is known of its content; fills `hash`.
  std::optional<plugin_refusal> vet(const std::filesystem::path &file, std::string &hash);
  plugin_verdicts *verdicts_ = nullptr;
  std::vector<plugin_ptr> plugins_;
  std::vector<plugin_refusal> refused_;
};

} // namespace rebuy::core
