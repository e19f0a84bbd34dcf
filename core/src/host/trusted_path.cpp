#include "host/trusted_path.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace rebuy::core {
namespace {

std::string problem_of(const struct stat &st) {
  if (st.st_uid != 0 && st.st_uid != ::geteuid()) return "owned by another user";
  const bool sticky_root_dir = S_ISDIR(st.st_mode) && (st.st_mode & S_ISVTX) && st.st_uid == 0;
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) && !sticky_root_dir) return "writable by group or others";
  return {};
}

} // namespace

path_trust check_path_trust(const std::filesystem::path &path) {
  path_trust out;
  std::error_code ec;
  out.real = std::filesystem::canonical(path, ec);
  if (ec) {
    out.real.clear();
    out.offender = path;
    out.problem = "cannot be resolved: " + ec.message();
    return out;
  }
  // A canonical path holds no symlinks: each stat is of the component itself.
  for (auto p = out.real;; p = p.parent_path()) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      out.offender = p;
      out.problem = std::string("cannot be read: ") + std::strerror(errno);
      return out;
    }
    if (auto problem = problem_of(st); !problem.empty()) {
      out.offender = p;
      out.problem = std::move(problem);
      return out;
    }
    if (p == p.root_path()) return out;
  }
}

} // namespace rebuy::core
