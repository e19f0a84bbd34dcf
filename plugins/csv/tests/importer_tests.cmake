# rebuy_importer_tests(PLUGIN SOURCES src... TESTS test.cpp...)
#
# The tests of an importer plugin in the folder being configured: a doctest
# program of its sources and tests, driven through the plugin's C ABI by this
# folder's test_support.hpp (as the host drives it), and its end-to-end
# tests/cli.sh if it has one, run as `cli.sh REBUY_BIN REAL_DATA_DIR TEST_DATA_DIR`.
include_guard(GLOBAL)

function(rebuy_importer_tests plugin)
  cmake_parse_arguments(arg "" "" "SOURCES;TESTS" ${ARGN})
  find_package(doctest CONFIG REQUIRED)
  include(doctest)
  set(target rebuy_${plugin}_tests)
  set(rebuy_importer_tests_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  add_executable(${target} ${rebuy_importer_tests_dir}/main.cpp ${arg_TESTS} ${arg_SOURCES})
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR} ${rebuy_importer_tests_dir})
  target_link_libraries(${target} PRIVATE Rebuy::sdk doctest::doctest)
  target_compile_definitions(${target} PRIVATE
    REBUY_REAL_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data/real"
    REBUY_PLUGINS_DIR="${CMAKE_CURRENT_SOURCE_DIR}/..")
  doctest_discover_tests(${target} TEST_PREFIX "${plugin}.")
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh)
    add_test(NAME ${plugin}.cli
      COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh $<TARGET_FILE:rebuy>
              ${PROJECT_SOURCE_DIR}/../shared/data/real ${CMAKE_CURRENT_SOURCE_DIR}/tests/data)
  endif()
endfunction()
