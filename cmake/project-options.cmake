# SPDX-License-Identifier: MIT
# Compiler hygiene shared by every target of ours: quire_set_target_options(<target>).

option(QUIRE_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
# The "testHooks" channel object (app/test_hook_bridge.*) for end-to-end tests and benchmarks. Off,
# the binary holds none of its code and QUIRE_TEST_HOOKS=1 in the environment does nothing; the
# dev and asan presets turn it on, release leaves it off.
option(QUIRE_TEST_HOOKS "Build the testHooks channel object used by e2e tests and benchmarks (never in a shipped build)" OFF)
add_feature_info(QUIRE_TEST_HOOKS QUIRE_TEST_HOOKS "the testHooks channel object for e2e tests and benchmarks")

set(QUIRE_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wold-style-cast
  -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-qual -Wformat=2 -Wimplicit-fallthrough)

function(quire_set_target_options target)
  target_compile_options(${target} PRIVATE ${QUIRE_WARNING_FLAGS})
  if(QUIRE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # KDE's set: no implicit ASCII casts, no Qt keywords, no Q_FOREACH.
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
endfunction()
