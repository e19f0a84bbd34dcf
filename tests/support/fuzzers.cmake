# rebuy_add_fuzzer(NAME SOURCES src... [LIBRARIES lib...] SEEDS dir...)
#
# A fuzz target: a program defining LLVMFuzzerTestOneInput (docs/fuzzing.md).
#   With REBUY_FUZZ (scripts/test --fuzz, clang): a libFuzzer program under AddressSanitizer
#   and UndefinedBehaviorSanitizer, and the CTest test fuzz.NAME (label "fuzz") that fuzzes it
#   for REBUY_FUZZ_SECONDS of CPU time from the SEEDS; any finding fails it.
#   Otherwise: the same target linked with a main that replays the SEEDS and the target's
#   saved findings (tests/fuzz/regressions/NAME), as the CTest test fuzz_replay.NAME, so every
#   build, the sanitizer build too, keeps what fuzzing once found fixed.
include_guard(GLOBAL)

function(rebuy_add_fuzzer name)
  cmake_parse_arguments(arg "" "" "SOURCES;LIBRARIES;SEEDS" ${ARGN})
  get_filename_component(fuzz_dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../fuzz" ABSOLUTE)
  set(target rebuy_fuzz_${name})
  set(regressions "${fuzz_dir}/regressions/${name}")
  if(REBUY_FUZZ)
    add_executable(${target} EXCLUDE_FROM_ALL ${arg_SOURCES})
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    add_dependencies(rebuy_fuzzers ${target})
    add_test(NAME fuzz.${name}
      COMMAND ${fuzz_dir}/run_fuzzer.sh $<TARGET_FILE:${target}> ${REBUY_FUZZ_SECONDS}
              ${CMAKE_BINARY_DIR}/fuzz/${name} ${regressions} ${arg_SEEDS})
    set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz)
  else()
    add_executable(${target} ${arg_SOURCES} ${fuzz_dir}/replay_main.cpp)
    add_test(NAME fuzz_replay.${name} COMMAND ${target} ${regressions} ${arg_SEEDS})
  endif()
  target_include_directories(${target} PRIVATE ${fuzz_dir})
  target_link_libraries(${target} PRIVATE Rebuy::sdk ${arg_LIBRARIES})
  target_compile_features(${target} PRIVATE cxx_std_20)
endfunction()
