# rebuy_importer_tests(PLUGIN SOURCES src... TESTS test.cpp... [LIBRARIES lib...])
#
# The tests of an importer plugin in the folder being configured, shared so
# each plugin's CMakeLists stays a few lines: a doctest program of its sources
# and tests, driven through the plugin's C ABI by test_support.hpp (as the
# host drives it) with the checks of importer_checks.hpp, and its end-to-end
# tests/cli.sh if it has one, run as `cli.sh REBUY_BIN REAL_DATA_DIR TEST_DATA_DIR`.
include_guard(GLOBAL)

function(rebuy_importer_tests plugin)
  cmake_parse_arguments(arg "" "" "SOURCES;TESTS;LIBRARIES" ${ARGN})
  if(NOT REBUY_BUILD_TESTS)
    return()
  endif()
  find_package(doctest CONFIG REQUIRED)
  include(doctest)
  set(target rebuy_${plugin}_tests)
  set(support "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  add_executable(${target} ${support}/main.cpp ${arg_TESTS} ${arg_SOURCES})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${support})
  target_link_libraries(${target} PRIVATE Rebuy::sdk doctest::doctest ${arg_LIBRARIES})
  target_compile_definitions(${target} PRIVATE
    REBUY_PLUGIN_NAME="${plugin}"
    REBUY_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/tests/data"
    REBUY_PLUGINS_DIR="${PROJECT_SOURCE_DIR}/plugins"
    REBUY_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/samples"
    REBUY_REAL_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data/real")
  doctest_discover_tests(${target} TEST_PREFIX "${plugin}.")
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh)
    add_test(NAME ${plugin}.cli
      COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh $<TARGET_FILE:rebuy>
              ${PROJECT_SOURCE_DIR}/../shared/data/real ${CMAKE_CURRENT_SOURCE_DIR}/tests/data)
  endif()
endfunction()
