/* Carries the marker section but exports no entry point. */
#include <rebuy/plugin_abi.h>

REBUY_MARKER();

REBUY_EXPORT int rebuy_something_else(void) { return 1; }
