#pragma once
// The projects `rebuy plugins new` writes: small, complete plugins that build
// against an installed rebuy and pass `rebuy plugins check` as generated.
#include <string>
#include <vector>

namespace rebuy::core {

struct generated_file {
  std::string path; // relative to the project directory
  std::string text;
};

// `kind` is "importer" or "analyzer"; `id` is a valid plugin id.
std::vector<generated_file> plugin_project(const std::string &kind, const std::string &id);

// The file `rebuy plugins check --sample` reads, within the project.
std::string plugin_project_sample(const std::string &kind);

} // namespace rebuy::core
