# Tests of the tabular importers (trustpilot, google_play, app_store,
# shopify_reviews, amazon_tsv, post_purchase, orders), shared so each
# plugin's CMakeLists stays a line:
#
#   rebuy_importer_tests(NAME SOURCES plugin.cpp... TESTS tests/x.cpp... [LIBRARIES lib...])
#
# builds rebuy_NAME_tests (doctest, the plugin's sources compiled in so tests
# drive its C ABI entry) and registers NAME.cli: tests/cli.sh REBUY REAL_DIR DATA_DIR.
include_guard(GLOBAL)

function(rebuy_importer_tests name)
  cmake_parse_arguments(arg "" "" "SOURCES;TESTS;LIBRARIES" ${ARGN})
  if(NOT REBUY_BUILD_TESTS)
    return()
  endif()
  find_package(doctest CONFIG REQUIRED)
  include(doctest)
  set(target rebuy_${name}_tests)
  set(support "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  add_executable(${target} ${support}/main.cpp ${arg_TESTS} ${arg_SOURCES})
  # test_support.hpp (the C ABI driver) is the csv plugin's; importer_checks.hpp is here.
  target_include_directories(${target} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${support} ${PROJECT_SOURCE_DIR}/plugins/csv/tests)
  target_link_libraries(${target} PRIVATE Rebuy::sdk doctest::doctest ${arg_LIBRARIES})
  target_compile_definitions(${target} PRIVATE
    REBUY_PLUGIN_NAME="${name}"
    REBUY_TEST_DATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/tests/data"
    REBUY_PLUGINS_DIR="${PROJECT_SOURCE_DIR}/plugins"
    REBUY_SAMPLES_DIR="${PROJECT_SOURCE_DIR}/samples"
    REBUY_REAL_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data/real")
  doctest_discover_tests(${target} TEST_PREFIX "${name}.")
  add_test(NAME ${name}.cli
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/tests/cli.sh $<TARGET_FILE:rebuy>
            ${PROJECT_SOURCE_DIR}/../shared/data/real ${CMAKE_CURRENT_SOURCE_DIR}/tests/data)
endfunction()
