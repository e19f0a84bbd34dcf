#include "host/plugin_registry.hpp"

#include "host/isolated_run.hpp"
#include "host/trusted_path.hpp"
#include "util/paths.hpp"
#include "util/sha256.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <system_error>

namespace rebuy::core {
namespace {

constexpr std::chrono::seconds load_check_timeout{20};

std::string file_sha256(const std::filesystem::path &file) {
  std::ifstream in(file, std::ios::binary);
  sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
    hash.update(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
  return in.bad() ? std::string() : hash.hex_digest();
}

// Loads `file` in a child process: how it took the child down, or empty when it
// did not (the loader may have refused it: it says so again in this process).
std::string crash_in_child(const std::filesystem::path &file) {
  auto result = run_isolated(
      [&] {
        load_plugin(file);
        return check_result::passed({});
      },
      load_check_timeout);
  if (result.status == check_result::outcome::pass) return {};
  return result.detail + " when loaded in a separate process; refused until the file changes";
}

std::string set_aside_reason(const plugin_verdict &v) {
  const std::time_t when = static_cast<std::time_t>(v.aside_at);
  std::tm utc{};
  ::gmtime_r(&when, &utc);
  return fmt::format("set aside: it {} ({:%Y-%m-%d %H:%M} UTC); it is loaded again when its file "
                     "changes, or after `rebuy plugins enable {}`",
                     v.aside_reason, utc, v.aside_id);
}

} // namespace

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

std::optional<plugin_refusal> plugin_registry::vet(const std::filesystem::path &file,
                                                   std::string &hash) {
  // Trust depends on directories as well as the file: the loader decides it every time.
  if (!verdicts_ || !check_path_trust(file).trusted()) return std::nullopt;
  const auto identity = file_identity::of(file);
  if (!identity) return std::nullopt;
  const plugin_verdict *known = verdicts_->find(file);
  // A verdict holds for one content under one rebuy version.
  if (known && known->identity == *identity && known->host == REBUY_VERSION) {
    hash = known->sha256;
  } else {
    hash = file_sha256(file);
    if (hash.empty()) return std::nullopt; // the loader says why it cannot be read
    if (known && known->sha256 == hash && known->host == REBUY_VERSION) {
      verdicts_->record_check(file, *identity, hash, REBUY_VERSION, known->safe, known->reason);
    } else {
      spdlog::debug("{}: new or changed; loading it in a child process first", file.string());
      const std::string crash = crash_in_child(file);
      verdicts_->record_check(file, *identity, hash, REBUY_VERSION, crash.empty(), crash);
    }
    known = verdicts_->find(file);
  }
  if (!known->safe) return plugin_refusal{file, known->reason};
  if (known->set_aside()) return plugin_refusal{file, set_aside_reason(*known)};
  return std::nullopt;
}

plugin_ptr plugin_registry::add(const std::filesystem::path &file) {
  std::string hash;
  if (auto refusal = vet(file, hash)) {
    spdlog::debug("refused {}: {}", file.string(), refusal->reason);
    refused_.push_back(std::move(*refusal));
    return nullptr;
  }
  auto loaded = load_plugin(file, hash);
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
