# find_package(Rebuy) for plugin authors. Provides:
#   Rebuy::sdk                   the header-only SDK (C++17)
#   rebuy_add_plugin()           builds a plugin (see RebuyPlugin.cmake)
#   rebuy_add_plugin_check()     a CTest test running `rebuy plugins check` on it
#   Rebuy_VERSION                the SDK's version (rebuy's release)
#   Rebuy_ABI_MAJOR, Rebuy_ABI_MINOR, Rebuy_ABI_VERSION   the plugin ABI it builds for
#   Rebuy_EXECUTABLE             the installed `rebuy` program (installed package only)
#   Rebuy_PLUGIN_DIR             where that rebuy loads plugins from (installed package only)
#   Rebuy_PLUGIN_INSTALL_DIR     the same, relative to the prefix ("lib/rebuy/plugins"), for
#                                install(TARGETS ... LIBRARY DESTINATION ${Rebuy_PLUGIN_INSTALL_DIR})
# Works from an installed prefix (<prefix>/lib/cmake/Rebuy) and from a source
# tree (-DRebuy_DIR=<rebuy>/sdk/cmake).
include_guard(GLOBAL)

if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/RebuyInstallPaths.cmake")
  # Installed: the install step recorded where things went relative to here.
  include("${CMAKE_CURRENT_LIST_DIR}/RebuyInstallPaths.cmake")
  get_filename_component(_rebuy_include "${CMAKE_CURRENT_LIST_DIR}/${REBUY_RELATIVE_INCLUDE_DIR}" ABSOLUTE)
  get_filename_component(_rebuy_bin "${CMAKE_CURRENT_LIST_DIR}/${REBUY_RELATIVE_BIN_DIR}" ABSOLUTE)
  get_filename_component(Rebuy_PLUGIN_DIR "${CMAKE_CURRENT_LIST_DIR}/${REBUY_RELATIVE_PLUGIN_DIR}" ABSOLUTE)
  if(EXISTS "${_rebuy_bin}/rebuy")
    set(Rebuy_EXECUTABLE "${_rebuy_bin}/rebuy")
  endif()
else()
  get_filename_component(_rebuy_include "${CMAKE_CURRENT_LIST_DIR}/../include" ABSOLUTE)
  set(Rebuy_PLUGIN_INSTALL_DIR "lib/rebuy/plugins")
endif()
if(NOT EXISTS "${_rebuy_include}/rebuy/plugin_abi.h")
  set(Rebuy_FOUND FALSE)
  set(Rebuy_NOT_FOUND_MESSAGE "rebuy SDK headers not found next to ${CMAKE_CURRENT_LIST_FILE}")
  return()
endif()

if(NOT TARGET Rebuy::sdk)
  add_library(Rebuy::sdk INTERFACE IMPORTED)
  set_target_properties(Rebuy::sdk PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${_rebuy_include}"
    INTERFACE_COMPILE_FEATURES cxx_std_17)
endif()

file(STRINGS "${_rebuy_include}/rebuy/plugin_abi.h" _rebuy_abi REGEX "^#define REBUY_ABI_(MAJOR|MINOR) ")
string(REGEX REPLACE ".*MAJOR ([0-9]+).*" "\\1" Rebuy_ABI_MAJOR "${_rebuy_abi}")
string(REGEX REPLACE ".*MINOR ([0-9]+).*" "\\1" Rebuy_ABI_MINOR "${_rebuy_abi}")
set(Rebuy_ABI_VERSION "${Rebuy_ABI_MAJOR}.${Rebuy_ABI_MINOR}")

include("${CMAKE_CURRENT_LIST_DIR}/RebuyPlugin.cmake")
