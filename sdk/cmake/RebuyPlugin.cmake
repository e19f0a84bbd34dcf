# rebuy_add_plugin(NAME SOURCES src... [OUTPUT_DIRECTORY dir])
#
# Builds a rebuy plugin: a MODULE library named rebuy_<NAME>.so with hidden
# visibility, no undefined symbols, no re-exported static libraries, and a
# version script that exports only the SDK's entry symbol. Without the version
# script libstdc++ template symbols leak out and the library can never unload.
#
# rebuy_add_plugin_check(NAME [SAMPLE file])
#
# Adds a CTest test NAME.plugins_check that runs `rebuy plugins check` on the
# plugin (with --sample when given). Needs Rebuy_EXECUTABLE, which an
# installed rebuy package sets.
include_guard(GLOBAL)

function(rebuy_add_plugin name)
  set(_rebuy_plugin_cmake_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  cmake_parse_arguments(arg "" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "rebuy_add_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE Rebuy::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "rebuy_${name}"
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  if(arg_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
  endif()
  target_link_options(${name} PRIVATE
    "LINKER:--no-undefined"
    "LINKER:--exclude-libs,ALL"
    "LINKER:--version-script=${_rebuy_plugin_cmake_dir}/rebuy_plugin.map")
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${_rebuy_plugin_cmake_dir}/rebuy_plugin.map")
  # The host refuses plugin files others may write to; with a umask of 002 the
  # linker's output would be one.
  add_custom_command(TARGET ${name} POST_BUILD COMMAND chmod go-w $<TARGET_FILE:${name}> VERBATIM)
endfunction()

function(rebuy_add_plugin_check name)
  cmake_parse_arguments(arg "" "SAMPLE" "" ${ARGN})
  if(NOT Rebuy_EXECUTABLE)
    message(FATAL_ERROR "rebuy_add_plugin_check(${name}): no rebuy program known; "
                        "use an installed rebuy (find_package(Rebuy)) or set Rebuy_EXECUTABLE")
  endif()
  set(sample)
  if(arg_SAMPLE)
    get_filename_component(sample_path "${arg_SAMPLE}" ABSOLUTE)
    set(sample --sample "${sample_path}")
  endif()
  add_test(NAME ${name}.plugins_check
           COMMAND ${Rebuy_EXECUTABLE} plugins check $<TARGET_FILE:${name}> ${sample})
endfunction()
