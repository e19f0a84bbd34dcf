#include "cli/context.hpp"
#include "cli/plugin_templates.hpp"
#include "util/errors.hpp"
#include "util/paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

namespace rebuy::core {
namespace {

struct new_flags {
  std::string kind, id, dir;
};

bool valid_id(const std::string &id) {
  return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// How the generated project finds this rebuy's SDK.
std::string find_package_hint() {
  auto prefix = executable_dir().parent_path();
  std::error_code ec;
  if (std::filesystem::is_directory(prefix / "lib" / "cmake" / "Rebuy", ec) ||
      std::filesystem::exists(prefix / "include" / "rebuy" / "plugin_abi.h", ec))
    return "-DCMAKE_PREFIX_PATH=" + prefix.string();
  if (running_from_build_tree())
    return "-DRebuy_DIR=" +
           (std::filesystem::path(REBUY_SOURCE_SAMPLES_DIR) / ".." / "sdk" / "cmake")
               .lexically_normal()
               .string();
  return "-DCMAKE_PREFIX_PATH=<where rebuy is installed>";
}

void create_project(const new_flags &flags) {
  if (!valid_id(flags.id))
    throw usage_error(
        fmt::format("plugin name '{}': use 1-32 characters of a-z, 0-9, '_' and '-'", flags.id));
  std::filesystem::path dir = flags.dir.empty() ? flags.id : flags.dir;
  std::error_code ec;
  if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec))
    throw input_error(
        fmt::format("{}: exists and is not empty; choose another directory", dir.string()));
  std::filesystem::create_directories(dir, ec);
  if (ec) throw input_error(fmt::format("{}: cannot create: {}", dir.string(), ec.message()));

  auto files = plugin_project(flags.kind, flags.id);
  for (const auto &f : files) {
    std::ofstream out(dir / f.path, std::ios::binary);
    out << f.text;
    out.close();
    if (!out) throw input_error(fmt::format("{}: cannot write", (dir / f.path).string()));
  }

  fmt::print("created {} plugin '{}' in {}/:\n", flags.kind, flags.id, dir.string());
  for (const auto &f : files)
    fmt::print("  {}\n", f.path);
  auto build = std::filesystem::absolute(dir / "build").lexically_normal().string();
  auto sample = (dir / plugin_project_sample(flags.kind)).string();
  fmt::print("next:\n"
             "  cmake -S {0} -B {1} {2}\n"
             "  cmake --build {1}\n"
             "  ctest --test-dir {1}          # rebuy plugins check, with the sample\n"
             "  REBUY_PLUGIN_PATH={1} rebuy import {3}\n",
             dir.string(), build, find_package_hint(), sample);
}

} // namespace

void add_plugins_new_command(CLI::App &plugins) {
  auto flags = std::make_shared<new_flags>();
  auto *cmd = plugins.add_subcommand(
      "new", "Write a ready-to-build plugin project that passes `rebuy plugins check`");
  cmd->add_option("kind", flags->kind, "importer or analyzer")
      ->required()
      ->check(CLI::IsMember({"importer", "analyzer"}));
  cmd->add_option("name", flags->id, "The plugin's id: a-z, 0-9, '_' and '-', at most 32")
      ->required();
  cmd->add_option("dir", flags->dir, "Where to write it (default: ./NAME); must be empty");
  cmd->callback([flags] { create_project(*flags); });
}

} // namespace rebuy::core
