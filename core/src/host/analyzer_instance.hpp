#pragma once
// One analyzer plugin object, used by one thread at a time.
#include "host/host_services.hpp"
#include "host/importer_session.hpp"
#include "host/plugin.hpp"

#include <span>

namespace rebuy::core {

class analyzer_instance {
public:
  // Throws input_error with the plugin's message when it cannot be created.
  // `subject` (the store analysed) names what it was doing, should it crash.
  analyzer_instance(plugin_ptr plugin, const option_list &options, std::string subject = {});
  ~analyzer_instance();
  analyzer_instance(const analyzer_instance &) = delete;
  analyzer_instance &operator=(const analyzer_instance &) = delete;

  const plugin &owner() const { return *plugin_; }
  // Scores for `responses`, valid until the next call. Scores that point
  // outside the batch or at an undeclared metric are dropped with a warning.
  // `batch` counts from 1, for a crash report.
  std::span<const rebuy_score> analyze(std::span<const rebuy_response> responses,
                                       uint64_t batch = 0);

private:
  plugin_ptr plugin_;
  host_services host_;
  const rebuy_analyzer_api *api_;
  std::string subject_;
  rebuy_analyzer *handle_ = nullptr;
  std::vector<rebuy_score> checked_;
};

} // namespace rebuy::core
