# SPDX-License-Identifier: MIT
# ctest lint.test-hooks-in-binary: the test hooks (app/test_hook_bridge.*) are in the quire binary
# exactly when the build was configured with -DQUIRE_TEST_HOOKS=ON. Looks for marks any build of
# the hook code leaves, stripped or not: the moc'd class and slot names and the environment
# variable's name. In a dev build (ON) the test shows the marks are found when the code is there;
# in a release build (OFF) that none of them is.
#   cmake -DBINARY=<quire> -DEXPECT=ON|OFF -P test-hooks-in-binary.cmake

if(NOT EXISTS "${BINARY}")
  message(FATAL_ERROR "no binary at '${BINARY}'")
endif()

set(marks TestHookBridge stall_database QUIRE_TEST_HOOKS)
list(JOIN marks "|" pattern)
file(STRINGS "${BINARY}" lines REGEX "${pattern}")
set(found)
foreach(mark IN LISTS marks)
  if(lines MATCHES "${mark}")
    list(APPEND found ${mark})
  endif()
endforeach()

if(EXPECT)
  if(NOT found STREQUAL marks)
    message(FATAL_ERROR "built with QUIRE_TEST_HOOKS=ON, but ${BINARY} has only [${found}] of [${marks}]")
  endif()
  message(STATUS "QUIRE_TEST_HOOKS=ON: ${BINARY} holds the hooks (${found})")
else()
  if(found)
    message(FATAL_ERROR "built with QUIRE_TEST_HOOKS=OFF, but ${BINARY} still holds [${found}]")
  endif()
  message(STATUS "QUIRE_TEST_HOOKS=OFF: ${BINARY} holds none of [${marks}]")
endif()
