#pragma once
// Plugin options from the command line (--option KEY=VALUE, repeatable).
// "ID.KEY=VALUE" is scoped: it reaches only the plugin ID, as KEY=VALUE.
// Plugin ids never contain a dot, so the first dot of a key always ends a
// scope, and a scope must name a loaded importer or analyzer: a typo is an
// error, not an option nobody reads. Unscoped keys go where the command sends
// them (import: the importer; analyze: every analyzer).
#include "host/importer_session.hpp"
#include "host/plugin_registry.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace rebuy::core {

// Plugin id → the options scoped to it, prefix removed, in the order given.
using scoped_options = std::map<std::string, option_list, std::less<>>;

struct plugin_options {
  option_list unscoped;
  scoped_options scoped;
};

// Throws usage_error for an option that is not KEY=VALUE, and for a scope
// naming no loaded importer or analyzer (the message names it).
plugin_options parse_plugin_options(const std::vector<std::string> &given,
                                    const plugin_registry &registry);

// `common` followed by the options scoped to plugin `id`.
option_list options_for(std::string_view id, const option_list &common,
                        const scoped_options &scoped);

} // namespace rebuy::core
