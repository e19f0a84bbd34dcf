#pragma once
// Checks a file before any of its code runs, loads it with Boost.DLL and
// validates what its entry point returns. Every refusal has a one-line reason.
#include "host/plugin.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

namespace rebuy::core {

struct plugin_refusal {
  std::filesystem::path path;
  std::string reason;
  std::filesystem::path untrusted = {}; // when trust failed: the file or directory to fix
};

// True for file names the host considers plugins: rebuy_<id>.so
bool looks_like_plugin_file(const std::filesystem::path &path);

// Why a directory may not be trusted with plugins, or nothing when it may: on
// its real path, it and every directory above it must be owned by root or the
// current user and not writable by group or others (see check_path_trust).
std::optional<plugin_refusal> untrusted_directory(const std::filesystem::path &dir);

// Loads one plugin file, or says why not. Never throws for a bad file, but
// runs the file's code in this process: see plugin_registry for the check in a
// child first. `content_hash` is kept with the plugin when known.
std::variant<plugin_ptr, plugin_refusal> load_plugin(const std::filesystem::path &path,
                                                     const std::string &content_hash = {});

} // namespace rebuy::core
