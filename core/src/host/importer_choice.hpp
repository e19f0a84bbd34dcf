#pragma once
// Which importer reads a file: the one whose probe is most confident.
#include "host/plugin_registry.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace rebuy::core {

struct importer_candidate {
  plugin_ptr plugin;
  int confidence;
};

// Every importer's confidence for the file, most confident first.
std::vector<importer_candidate> rank_importers(const plugin_registry &registry,
                                               const std::filesystem::path &file);

// The importer named `requested` (when not empty) or the most confident one.
// Throws input_error when none recognises the file, or when the best two tie.
plugin_ptr choose_importer(const plugin_registry &registry, const std::filesystem::path &file,
                           const std::string &requested);

} // namespace rebuy::core
