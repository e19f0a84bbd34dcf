/* Claims a future ABI major: the host must refuse it without calling anything. */
#include <rebuy/plugin_abi.h>

REBUY_MARKER();

static const rebuy_plugin_info info = {sizeof(rebuy_plugin_info),
                                       99,
                                       0,
                                       REBUY_KIND_IMPORTER,
                                       {"future", 6},
                                       {"Future", 6},
                                       {"9.0.0", 5},
                                       {"", 0},
                                       0,
                                       0,
                                       0};

REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return &info; }
