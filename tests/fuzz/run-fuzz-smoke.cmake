# SPDX-License-Identifier: MIT
# ctest fuzz.dispatch_smoke: configure and build the fuzzer with clang in BINARY_DIR (incremental:
# the main build's target quire_fuzz_clang, which runs this with BUILD_ONLY, has built it), then run
# it briefly from the seed corpus. Any contract violation, crash, sanitizer report or leak fails the
# test; the input that caused it is left in BINARY_DIR/artifacts.

if(NOT CLANGXX)
  message(FATAL_ERROR "no clang++ >= 16 given (CLANGXX)")
endif()

if(NOT EXISTS "${BINARY_DIR}/CMakeCache.txt")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
            -DCMAKE_CXX_COMPILER=${CLANGXX} -DQt6_DIR=${Qt6_DIR}
    RESULT_VARIABLE configured)
  if(NOT configured EQUAL 0)
    file(REMOVE "${BINARY_DIR}/CMakeCache.txt")
    message(FATAL_ERROR "configuring the clang fuzz build failed")
  endif()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" RESULT_VARIABLE built)
if(NOT built EQUAL 0)
  message(FATAL_ERROR "building the fuzzer failed")
endif()
if(BUILD_ONLY)
  return()
endif()

# New inputs go to the first (scratch) folder; the checked-in seed corpus is only read.
file(REMOVE_RECURSE "${BINARY_DIR}/corpus" "${BINARY_DIR}/artifacts")
file(MAKE_DIRECTORY "${BINARY_DIR}/corpus" "${BINARY_DIR}/artifacts")
execute_process(
  COMMAND "${BINARY_DIR}/quire_dispatch_fuzzer" -runs=${RUNS} -max_total_time=${MAX_SECONDS}
          -dict=${SOURCE_DIR}/dispatch.dict -max_len=4096 -print_final_stats=1
          -artifact_prefix=${BINARY_DIR}/artifacts/ "${BINARY_DIR}/corpus" "${SOURCE_DIR}/corpus"
  RESULT_VARIABLE fuzzed)
if(NOT fuzzed EQUAL 0)
  message(FATAL_ERROR "the fuzzer found a failure (exit ${fuzzed}); reproduce with\n"
                      "  ${BINARY_DIR}/quire_dispatch_fuzzer ${BINARY_DIR}/artifacts/<crash-file>")
endif()
