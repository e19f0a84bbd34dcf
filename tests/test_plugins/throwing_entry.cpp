// Its entry point throws: the host must survive and refuse it.
#include <rebuy/plugin_abi.h>

#include <stdexcept>

REBUY_MARKER();

extern "C" REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) {
  throw std::runtime_error("entry exploded");
}
