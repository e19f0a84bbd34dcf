#include "check/plugin_check.hpp"

#include "host/isolated_run.hpp"
#include "check/plugin_checks.hpp"
#include "host/plugin_loader.hpp"
#include "host/plugin_registry.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <variant>

namespace rebuy::core {
namespace {

constexpr uint64_t known_capabilities =
    REBUY_CAP_IMPORTER_RAW_INPUT | REBUY_CAP_ANALYZER_ATTRIBUTES;

std::filesystem::path resolve_target(const std::string &target) {
  std::error_code ec;
  if (std::filesystem::exists(target, ec)) return std::filesystem::absolute(target);
  if (target.find('/') == std::string::npos) {
    plugin_registry installed;
    installed.scan(default_plugin_dirs());
    if (auto p = installed.find(target)) return p->path();
  }
  throw input_error(fmt::format("{}: no such file, and no plugin with that id", target));
}

// What to do about a refusal, when there is an obvious fix.
std::string hint(const plugin_refusal &refusal) {
  const auto &reason = refusal.reason;
  if (reason.find("writable by group or others") != std::string::npos)
    return fmt::format("fix: chmod go-w {}", refusal.untrusted.string());
  if (reason.find("owned by another user") != std::string::npos)
    return "the host loads only files owned by root or by the user running it";
  if (reason.find("section") != std::string::npos)
    return "build it with rebuy_add_plugin(), or add REBUY_MARKER() to a C plugin";
  if (reason.find("entry point") != std::string::npos)
    return "end the plugin with REBUY_IMPORTER_PLUGIN(...) or REBUY_ANALYZER_PLUGIN(...)";
  return {};
}

check_result loads(const std::filesystem::path &file) {
  if (!looks_like_plugin_file(file))
    return check_result::failed(
        fmt::format("refused: the host only loads files named rebuy_<id>.so, not {}",
                    file.filename().string()));
  auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  if (auto refusal = untrusted_directory(dir)) {
    auto fix = hint(*refusal);
    return check_result::failed(fmt::format("refused: {}: {}; the host would skip every plugin "
                                            "in it{}",
                                            dir.string(), refusal->reason,
                                            fix.empty() ? "" : " (" + fix + ")"));
  }
  auto loaded = load_plugin(file);
  if (auto *refusal = std::get_if<plugin_refusal>(&loaded)) {
    auto fix = hint(*refusal);
    return check_result::failed("refused: " + refusal->reason + (fix.empty() ? "" : "\n" + fix));
  }
  return check_result::passed("trusted file and directory, '" REBUY_MARKER_SECTION
                              "' section, " REBUY_ENTRY_SYMBOL " and its info accepted");
}

check_result info_and_abi(const plugin &p) {
  auto summary = fmt::format("{} {} {} \"{}\", needs ABI {}.{} (this rebuy: {}.{})", p.kind_name(),
                             p.id(), p.version(), p.name(), p.abi_major(), p.abi_minor(),
                             REBUY_ABI_MAJOR, REBUY_ABI_MINOR);
  if (auto unknown = p.capabilities() & ~known_capabilities)
    return check_result::failed(fmt::format("{}: unknown capability bits {:#x}", summary, unknown));
  if (p.kind() == REBUY_KIND_ANALYZER) summary += fmt::format(", {} metrics", p.metrics().size());
  return check_result::passed(summary);
}

// A private directory for the generated inputs, removed with everything in it.
class scratch_dir {
public:
  scratch_dir() {
    auto pattern = (std::filesystem::temp_directory_path() / "rebuy-check-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a scratch directory in " +
                               std::filesystem::temp_directory_path().string());
    path_ = pattern;
  }
  ~scratch_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  scratch_dir(const scratch_dir &) = delete;
  scratch_dir &operator=(const scratch_dir &) = delete;
  const std::filesystem::path &path() const { return path_; }

private:
  std::filesystem::path path_;
};

std::vector<unrelated_file> write_unrelated_inputs(const std::filesystem::path &dir) {
  std::vector<unrelated_file> out;
  for (auto &input : unrelated_inputs()) {
    auto path = dir / input.file_name;
    std::ofstream(path, std::ios::binary) << input.bytes;
    out.push_back({std::move(input), path});
  }
  return out;
}

class printer {
public:
  void print(const std::string &name, const check_result &r) {
    const char *status = r.status == check_result::outcome::pass   ? "PASS"
                         : r.status == check_result::outcome::fail ? "FAIL"
                                                                   : "SKIP";
    (r.status == check_result::outcome::pass   ? summary_.passed
     : r.status == check_result::outcome::fail ? summary_.failed
                                               : summary_.skipped)++;
    auto newline = r.detail.find('\n');
    fmt::print("{}  {:<38} {}\n", status, name, r.detail.substr(0, newline));
    while (newline != std::string::npos) {
      auto next = r.detail.find('\n', newline + 1);
      fmt::print("      {}\n", r.detail.substr(newline + 1, next - newline - 1));
      newline = next;
    }
    std::fflush(stdout);
  }
  const plugin_check_summary &summary() const { return summary_; }

private:
  plugin_check_summary summary_;
};

} // namespace

plugin_check_summary run_plugin_check(const plugin_check_request &request) {
  auto file = resolve_target(request.target);
  std::error_code ec;
  if (request.sample && !std::filesystem::is_regular_file(*request.sample, ec))
    throw input_error(fmt::format("--sample {}: no such file", request.sample->string()));

  fmt::print("checking {}\n", file.string());
  printer out;
  // Loading runs the plugin's entry point: in a child first, in case it crashes.
  auto loaded = run_isolated([&] { return loads(file); }, request.timeout);
  out.print("loads", loaded);
  if (loaded.status != check_result::outcome::pass) return out.summary();

  plugin_registry own;
  auto p = own.add(file);
  if (!p) {
    out.print("info and ABI", check_result::failed("refused: " + own.refused().back().reason));
    return out.summary();
  }
  out.print("info and ABI", info_and_abi(*p));

  scratch_dir scratch;
  check_inputs inputs{request.sample, write_unrelated_inputs(scratch.path()), scratch.path()};
  plugin_registry installed; // the importers that read an analyzer's sample
  if (p->kind() == REBUY_KIND_ANALYZER && request.sample) installed.scan(default_plugin_dirs());
  auto checks = p->kind() == REBUY_KIND_IMPORTER ? importer_checks(p, own, inputs)
                                                 : analyzer_checks(p, installed, inputs);
  for (const auto &check : checks)
    out.print(check.name, run_isolated(check.run, request.timeout));
  return out.summary();
}

} // namespace rebuy::core
