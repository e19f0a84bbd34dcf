/* A plugin file that crashes the dynamic loader, as some corrupt files do: it
 * looks like a plugin (the marker section, the entry point), but an entry of
 * its initialiser table points nowhere. The loader calls it inside dlopen,
 * before any of the host's checks of the entry's answer can run. */
#include <rebuy/plugin_abi.h>

#include <stdint.h>

REBUY_MARKER();

/* A constant, not a function's address: no relocation fixes it up. */
__attribute__((used, section(".init_array"))) static uintptr_t bogus_initializer = 0x10;

REBUY_EXPORT const rebuy_plugin_info *rebuy_plugin_entry_v1(void) { return 0; }
