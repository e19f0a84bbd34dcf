# find_package(Rebuy) for plugin authors: the header-only SDK target Rebuy::sdk
# and the rebuy_add_plugin() helper. Works from an installed prefix
# (<prefix>/lib/cmake/Rebuy) and from a source tree (sdk/cmake).
include_guard(GLOBAL)

if(EXISTS "${CMAKE_CURRENT_LIST_DIR}/RebuyInstallPaths.cmake")
  # Installed: the install step recorded where the headers went relative to here.
  include("${CMAKE_CURRENT_LIST_DIR}/RebuyInstallPaths.cmake")
  get_filename_component(_rebuy_include "${CMAKE_CURRENT_LIST_DIR}/${REBUY_RELATIVE_INCLUDE_DIR}" ABSOLUTE)
else()
  get_filename_component(_rebuy_include "${CMAKE_CURRENT_LIST_DIR}/../include" ABSOLUTE)
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

include("${CMAKE_CURRENT_LIST_DIR}/RebuyPlugin.cmake")
