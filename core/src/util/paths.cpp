#include "util/paths.hpp"

#include <system_error>

namespace rebuy::core {

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

bool running_from_build_tree() {
  // The build's own bin/ only: a tree installed or unpacked somewhere inside the
  // build directory (a staging prefix, an extracted package) must find its own
  // plugins, not the build's.
  std::error_code ec;
  auto exe = executable_dir();
  return !exe.empty() &&
         std::filesystem::equivalent(exe, std::filesystem::path(REBUY_BUILD_DIR) / "bin", ec);
}

std::filesystem::path samples_dir() {
  std::error_code ec;
  auto installed =
      (executable_dir() / ".." / REBUY_INSTALL_DATA_DIR / "samples").lexically_normal();
  if (std::filesystem::is_directory(installed, ec)) return installed;
  if (running_from_build_tree() && std::filesystem::is_directory(REBUY_SOURCE_SAMPLES_DIR, ec))
    return REBUY_SOURCE_SAMPLES_DIR;
  return {};
}

} // namespace rebuy::core
