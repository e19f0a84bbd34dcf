#include "host/plugin.hpp"

#include "host/abi_struct.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

plugin::plugin(std::filesystem::path path, boost::dll::shared_library library,
               const rebuy_plugin_info &info, std::string content_hash)
    : path_(std::move(path)), library_(std::move(library)), id_(to_view(info.id)),
      name_(to_view(info.name)), version_(to_view(info.version)),
      description_(to_view(info.description)), content_hash_(std::move(content_hash)),
      kind_(info.kind), abi_major_(info.abi_major), abi_minor_(info.abi_minor),
      capabilities_(info.capabilities) {
  // Only the table of its kind: the loader validated that one alone.
  if (kind_ == REBUY_KIND_IMPORTER)
    if (auto table = sized_copy(info.importer)) importer_ = true, importer_table_ = *table;
  if (kind_ == REBUY_KIND_ANALYZER)
    if (auto table = sized_copy(info.analyzer)) analyzer_ = true, analyzer_table_ = *table;
  for (size_t i = 0; analyzer_ && i < analyzer_table_.metric_count; ++i)
    metrics_.push_back({std::string(to_view(analyzer_table_.metrics[i].name)),
                        std::string(to_view(analyzer_table_.metrics[i].description)),
                        analyzer_table_.metrics[i].type});
}

} // namespace rebuy::core
