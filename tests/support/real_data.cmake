# Tests that read the real files in ../shared/data/real (REBUY_REAL_DATA_DIR).
# A clone without that folder still passes everything else: these tests then
# exit 77, which CTest reports as skipped with the reason in their output,
# never as passed. All carry the label real_data: `ctest -L real_data` runs
# only them.
include_guard(GLOBAL)

# rebuy_add_real_data_test(NAME COMMAND...): a script that starts with
# `source tests/support/real_data.sh DIR` and is given the folder as DIR.
function(rebuy_add_real_data_test name)
  add_test(NAME ${name} COMMAND ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS real_data SKIP_RETURN_CODE 77)
endfunction()

# rebuy_add_real_data_tests(TARGET [doctest_discover_tests options]): a doctest
# program made only of real-file tests, linked with the main that skips them.
function(rebuy_add_real_data_tests target)
  include(doctest)
  target_link_libraries(${target} PRIVATE rebuy_real_data_main)
  target_compile_definitions(${target} PRIVATE REBUY_REAL_DATA_DIR="${REBUY_REAL_DATA_DIR}")
  doctest_discover_tests(${target} ${ARGN} PROPERTIES LABELS real_data SKIP_RETURN_CODE 77)
endfunction()
