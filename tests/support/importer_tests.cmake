# rebuy_importer_tests(PLUGIN SOURCES src... TESTS test.cpp... [LIBRARIES lib...]
#                      [REAL_TESTS test.cpp...] [FORMAT_SPECIFIC [OWN_REAL_DATA folder]])
#
# The tests of an importer plugin in the folder being configured, shared so
# each plugin's CMakeLists stays a few lines. Its sources are compiled once
# (rebuy_PLUGIN_test_objects: add compile settings there) into two doctest
# programs, driven through the plugin's C ABI as the host drives it, with
# test_support.hpp and importer_checks.hpp:
#   rebuy_PLUGIN_tests       TESTS, on files of our own (tests/data);
#   rebuy_PLUGIN_real_tests  REAL_TESTS, on ../shared/data/real (real_files.hpp),
#                            skipped where that folder is absent. FORMAT_SPECIFIC
#                            adds the check that the probe claims none of the
#                            real files but those in OWN_REAL_DATA.
# its end-to-end scripts: tests/cli.sh, run as `cli.sh REBUY_BIN TEST_DATA_DIR`,
# and tests/cli_real_files.sh, run as `cli_real_files.sh REBUY_BIN REAL_DATA_DIR`;
# and its fuzz target, importer_PLUGIN, seeded with tests/data (fuzzers.cmake).
include_guard(GLOBAL)
include(${CMAKE_CURRENT_LIST_DIR}/real_data.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/fuzzers.cmake)

function(rebuy_importer_tests plugin)
  cmake_parse_arguments(arg "FORMAT_SPECIFIC" "OWN_REAL_DATA"
                        "SOURCES;TESTS;REAL_TESTS;LIBRARIES" ${ARGN})
  if(NOT REBUY_BUILD_TESTS)
    return()
  endif()
  find_package(doctest CONFIG REQUIRED)
  include(doctest)
  set(support "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  set(objects rebuy_${plugin}_test_objects)
  add_library(${objects} OBJECT ${arg_SOURCES})
  target_include_directories(${objects} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR} ${support})
  target_link_libraries(${objects} PUBLIC Rebuy::sdk doctest::doctest ${arg_LIBRARIES})
  target_compile_definitions(${objects} PUBLIC
    REBUY_PLUGIN_NAME="${plugin}"
    REBUY_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/tests/data"
    REBUY_PLUGINS_DIR="${PROJECT_SOURCE_DIR}/plugins"
    REBUY_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/samples")

  rebuy_add_fuzzer(importer_${plugin} SOURCES ${support}/../fuzz/importer_fuzzer.cpp
    LIBRARIES ${objects} SEEDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/data)
  if(REBUY_FUZZ)
    return() # a fuzz build builds and runs the fuzz targets only
  endif()

  add_executable(rebuy_${plugin}_tests ${arg_TESTS})
  target_link_libraries(rebuy_${plugin}_tests PRIVATE ${objects} rebuy_doctest_main)
  doctest_discover_tests(rebuy_${plugin}_tests TEST_PREFIX "${plugin}.")

  set(real_tests ${arg_REAL_TESTS})
  if(arg_FORMAT_SPECIFIC)
    list(APPEND real_tests ${support}/foreign_real_files_test.cpp)
  endif()
  if(real_tests)
    add_executable(rebuy_${plugin}_real_tests ${real_tests})
    target_link_libraries(rebuy_${plugin}_real_tests PRIVATE ${objects})
    target_compile_definitions(rebuy_${plugin}_real_tests PRIVATE
      REBUY_OWN_REAL_DATA="${arg_OWN_REAL_DATA}")
    rebuy_add_real_data_tests(rebuy_${plugin}_real_tests TEST_PREFIX "${plugin}.")
  endif()

  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh)
    add_test(NAME ${plugin}.cli
      COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh $<TARGET_FILE:rebuy>
              ${CMAKE_CURRENT_SOURCE_DIR}/tests/data)
  endif()
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli_real_files.sh)
    rebuy_add_real_data_test(${plugin}.cli_real_files
      ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli_real_files.sh $<TARGET_FILE:rebuy>
      ${REBUY_REAL_DATA_DIR})
  endif()
endfunction()
