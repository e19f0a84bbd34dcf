#include "host/plugin_options.hpp"

#include "util/errors.hpp"

#include <fmt/format.h>
#include <rebuy/plugin_abi.h>

namespace rebuy::core {
namespace {

bool takes_options(const plugin_ptr &plugin) {
  return plugin && (plugin->kind() == REBUY_KIND_IMPORTER || plugin->kind() == REBUY_KIND_ANALYZER);
}

std::string loaded_ids(const plugin_registry &registry) {
  std::string ids;
  for (const auto &p : registry.plugins())
    if (takes_options(p)) ids += (ids.empty() ? "" : ", ") + p->id();
  return ids.empty() ? "none" : ids;
}

} // namespace

plugin_options parse_plugin_options(const std::vector<std::string> &given,
                                    const plugin_registry &registry) {
  plugin_options out;
  for (const auto &o : given) {
    const auto eq = o.find('=');
    if (eq == std::string::npos || eq == 0)
      throw usage_error(fmt::format("--option {}: expected KEY=VALUE", o));
    const auto dot = o.find('.');
    if (dot == std::string::npos || dot > eq) {
      out.unscoped.emplace_back(o.substr(0, eq), o.substr(eq + 1));
      continue;
    }
    const std::string id = o.substr(0, dot);
    if (dot == 0 || dot + 1 == eq)
      throw usage_error(fmt::format("--option {}: expected PLUGIN.KEY=VALUE", o));
    if (!takes_options(registry.find(id)))
      throw usage_error(
          fmt::format("--option {}: '{}' names no loaded importer or analyzer (loaded: {})", o, id,
                      loaded_ids(registry)));
    out.scoped[id].emplace_back(o.substr(dot + 1, eq - dot - 1), o.substr(eq + 1));
  }
  return out;
}

option_list options_for(std::string_view id, const option_list &common,
                        const scoped_options &scoped) {
  option_list out = common;
  if (auto it = scoped.find(id); it != scoped.end())
    out.insert(out.end(), it->second.begin(), it->second.end());
  return out;
}

} // namespace rebuy::core
