#pragma once
// Whether a path may be trusted with code that rebuy runs. Decided on the real
// path, as OpenSSH's StrictModes decides for authorized_keys: a symlink to a
// file in a directory anyone can write is no better than the file there.
#include <filesystem>
#include <string>

namespace rebuy::core {

struct path_trust {
  std::filesystem::path real;     // `path` with every symlink resolved; empty when it cannot be
  std::filesystem::path offender; // what is not trusted: the path itself or a directory above it
  std::string problem;            // why not ("writable by group or others"); empty when trusted
  bool trusted() const noexcept { return problem.empty(); }
};

// Resolves `path`, then checks it and every directory above it up to "/": each
// must be owned by root or the current user and not writable by group or
// others, unless it is a directory that is sticky and owned by root (like
// /tmp), where nobody can rename or remove another user's entries.
path_trust check_path_trust(const std::filesystem::path &path);

} // namespace rebuy::core
