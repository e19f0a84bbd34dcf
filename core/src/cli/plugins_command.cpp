#include "cli/context.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace rebuy::core {
namespace {

void list_plugins(plugin_registry &registry) {
  for (auto kind : {REBUY_KIND_IMPORTER, REBUY_KIND_ANALYZER}) {
    auto plugins = registry.of_kind(kind);
    fmt::print("{}:\n", kind == REBUY_KIND_IMPORTER ? "importers" : "analyzers");
    if (plugins.empty()) fmt::print("  (none)\n");
    for (const auto &p : plugins)
      fmt::print("  {:<14} {:<8} {} — {}\n    {}\n", p->id(), p->version(), p->name(),
                 p->description(), p->path().string());
  }
  if (!registry.refused().empty()) {
    fmt::print("refused:\n");
    for (const auto &r : registry.refused())
      fmt::print("  {}: {}\n", r.path.string(), r.reason);
  }
}

void show_plugin(cli_context &context, const std::string &id) {
  auto &registry = context.plugins();
  auto p = registry.find(id);
  if (!p) {
    // By its id, which the file's name need not contain.
    for (const auto &[path, v] : context.verdicts().set_aside())
      if (v.aside_id == id)
        throw input_error(fmt::format("plugin {} ({}) is set aside: {}; `rebuy plugins enable {}` "
                                      "loads it again",
                                      id, path, v.aside_reason, id));
    for (const auto &r : registry.refused())
      if (r.path.stem() == "rebuy_" + id)
        throw input_error(fmt::format("plugin {} was refused: {}", id, r.reason));
    throw input_error(fmt::format("no plugin with id '{}'; see `rebuy plugins list`", id));
  }
  fmt::print("id:          {}\nname:        {}\nkind:        {}\nversion:     {}\n"
             "ABI:         {}.{} or newer\nfile:        {}\ndescription: {}\n",
             p->id(), p->name(), p->kind_name(), p->version(), p->abi_major(), p->abi_minor(),
             p->path().string(), p->description());
  if (p->has(REBUY_CAP_IMPORTER_RAW_INPUT)) fmt::print("capability:  reads undecoded bytes\n");
  if (p->has(REBUY_CAP_ANALYZER_ATTRIBUTES)) fmt::print("capability:  sees attribute columns\n");
  if (!p->metrics().empty()) {
    fmt::print("metrics:\n");
    for (const auto &m : p->metrics())
      fmt::print("  {:<20} {:<7} {}\n", m.name, m.type == REBUY_METRIC_LABEL ? "label" : "number",
                 m.description);
  }
}

// Lifts a set-aside, named by plugin id or file.
void enable_plugin(cli_context &context, const std::string &name) {
  auto &verdicts = context.verdicts();
  for (const auto &[path, v] : verdicts.set_aside())
    if (v.aside_id == name || path == name ||
        std::filesystem::path(path).filename() == "rebuy_" + name + ".so") {
      verdicts.enable(path);
      fmt::print("{} ({}) is enabled again; it had {}\n", v.aside_id, path, v.aside_reason);
      return;
    }
  throw input_error(fmt::format("no plugin '{}' is set aside; see `rebuy plugins list`", name));
}

} // namespace

void add_plugins_command(CLI::App &app, cli_context &context) {
  auto *cmd = app.add_subcommand("plugins", "List, inspect, check and create plugins");
  cmd->require_subcommand(1);
  auto *list = cmd->add_subcommand("list", "Every plugin found, and every refused file with why");
  list->callback([&context] { list_plugins(context.plugins()); });
  auto id = std::make_shared<std::string>();
  auto *info = cmd->add_subcommand("info", "Details of one plugin");
  info->add_option("id", *id, "Plugin id")->required();
  info->callback([&context, id] { show_plugin(context, *id); });
  auto name = std::make_shared<std::string>();
  auto *enable =
      cmd->add_subcommand("enable", "Load a plugin again that was set aside after it crashed");
  enable->add_option("plugin", *name, "Plugin id or file")->required();
  enable->callback([&context, name] { enable_plugin(context, *name); });
  add_plugins_check_command(*cmd);
  add_plugins_new_command(*cmd);
}

} // namespace rebuy::core
