#include "host/plugin.hpp"

#include <rebuy/plugin.hpp>

namespace rebuy::core {

plugin::plugin(std::filesystem::path path, boost::dll::shared_library library,
               const rebuy_plugin_info &info)
    : path_(std::move(path)), library_(std::move(library)), id_(to_view(info.id)),
      name_(to_view(info.name)), version_(to_view(info.version)),
      description_(to_view(info.description)), kind_(info.kind), abi_major_(info.abi_major),
      abi_minor_(info.abi_minor), capabilities_(info.capabilities), importer_(info.importer),
      analyzer_(info.analyzer) {
  if (analyzer_)
    for (size_t i = 0; i < analyzer_->metric_count; ++i)
      metrics_.push_back({std::string(to_view(analyzer_->metrics[i].name)),
                          std::string(to_view(analyzer_->metrics[i].description)),
                          analyzer_->metrics[i].type});
}

} // namespace rebuy::core
