#pragma once
// A loaded, validated plugin. Every object made from it holds a shared_ptr to
// it, so its library stays loaded as long as anything from it is alive.
#include <rebuy/plugin_abi.h>

#include <boost/dll/shared_library.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rebuy::core {

struct metric_info {
  std::string name, description;
  rebuy_metric_type type;
};

class plugin {
public:
  // `info` and its function table are copied (the loader has sized them, see
  // plugin_loader.cpp); `content_hash` is the file's SHA-256 when it is known.
  plugin(std::filesystem::path path, boost::dll::shared_library library,
         const rebuy_plugin_info &info, std::string content_hash = {});

  const std::filesystem::path &path() const { return path_; }
  const std::string &id() const { return id_; }
  const std::string &name() const { return name_; }
  const std::string &version() const { return version_; }
  const std::string &description() const { return description_; }
  rebuy_plugin_kind kind() const { return kind_; }
  const char *kind_name() const { return kind_ == REBUY_KIND_IMPORTER ? "importer" : "analyzer"; }
  uint32_t abi_major() const { return abi_major_; }
  // The oldest ABI minor the plugin works with (ABI.md, "Versioning").
  uint32_t abi_minor() const { return abi_minor_; }
  const std::string &content_hash() const { return content_hash_; }
  uint64_t capabilities() const { return capabilities_; }
  bool has(uint64_t capability) const { return (capabilities_ & capability) != 0; }
  const rebuy_importer_api *importer_api() const { return importer_ ? &importer_table_ : nullptr; }
  const rebuy_analyzer_api *analyzer_api() const { return analyzer_ ? &analyzer_table_ : nullptr; }
  const std::vector<metric_info> &metrics() const { return metrics_; }

private:
  std::filesystem::path path_;
  boost::dll::shared_library library_; // declared first among resources: destroyed last
  std::string id_, name_, version_, description_, content_hash_;
  rebuy_plugin_kind kind_;
  uint32_t abi_major_, abi_minor_;
  uint64_t capabilities_;
  bool importer_ = false, analyzer_ = false;
  rebuy_importer_api importer_table_{};
  rebuy_analyzer_api analyzer_table_{};
  std::vector<metric_info> metrics_;
};

using plugin_ptr = std::shared_ptr<const plugin>;

} // namespace rebuy::core
