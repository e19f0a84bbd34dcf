#include "host/plugin_registry.hpp"

#include "util/paths.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace rebuy::core {

std::vector<std::filesystem::path> default_plugin_dirs() {
  std::vector<std::filesystem::path> dirs;
  auto exe_dir = executable_dir();
  if (!exe_dir.empty()) {
    dirs.push_back((exe_dir / ".." / REBUY_INSTALL_PLUGIN_DIR).lexically_normal());
    if (running_from_build_tree()) dirs.emplace_back(REBUY_BUILD_PLUGIN_DIR);
  }
  if (const char *env = std::getenv("REBUY_PLUGIN_PATH")) {
    std::string_view rest(env);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      auto entry = rest.substr(0, colon);
      if (!entry.empty()) dirs.emplace_back(std::string(entry));
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
  }
  return dirs;
}

void plugin_registry::scan(const std::vector<std::filesystem::path> &dirs) {
  for (const auto &dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
      spdlog::debug("plugin directory {} does not exist", dir.string());
      continue;
    }
    if (auto refusal = untrusted_directory(dir)) {
      refused_.push_back(std::move(*refusal));
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto &entry : std::filesystem::directory_iterator(dir, ec))
      if (looks_like_plugin_file(entry.path())) files.push_back(entry.path());
    if (ec) {
      refused_.push_back({dir, "cannot be listed: " + ec.message()});
      continue;
    }
    std::sort(files.begin(), files.end());
    for (const auto &file : files)
      add(file);
  }
}

plugin_ptr plugin_registry::add(const std::filesystem::path &file) {
  auto loaded = load_plugin(file);
  if (auto *refusal = std::get_if<plugin_refusal>(&loaded)) {
    spdlog::debug("refused {}: {}", file.string(), refusal->reason);
    refused_.push_back(std::move(*refusal));
    return nullptr;
  }
  auto p = std::get<plugin_ptr>(std::move(loaded));
  if (auto existing = find(p->id())) {
    // Loading the same file twice (through two search entries) is not a conflict.
    std::error_code ec;
    if (!std::filesystem::equivalent(existing->path(), file, ec))
      refused_.push_back(
          {file, "id '" + p->id() + "' is already provided by " + existing->path().string()});
    return nullptr;
  }
  spdlog::debug("loaded {} {} from {}", p->id(), p->version(), file.string());
  plugins_.push_back(p);
  return p;
}

plugin_ptr plugin_registry::find(std::string_view id) const {
  for (const auto &p : plugins_)
    if (p->id() == id) return p;
  return nullptr;
}

std::vector<plugin_ptr> plugin_registry::of_kind(rebuy_plugin_kind kind) const {
  std::vector<plugin_ptr> out;
  for (const auto &p : plugins_)
    if (p->kind() == kind) out.push_back(p);
  return out;
}

} // namespace rebuy::core
