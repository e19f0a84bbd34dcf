/* An id with characters the host does not allow. */
#include <rebuy/plugin_abi.h>

REBUY_MARKER();

static const rebuy_plugin_info info = {sizeof(rebuy_plugin_info),
                                       REBUY_ABI_MAJOR,
                                       REBUY_PLUGIN_MIN_ABI_MINOR,
                                       REBUY_KIND_ANALYZER,
                                       {"Bad ID!", 7},
                                       {"Bad", 3},
                                       {"1.0.0", 5},
                                       {"", 0},
                                       0,
                                       0,
                                       0};

REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return &info; }
