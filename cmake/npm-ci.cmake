# SPDX-License-Identifier: MIT
# cmake -DPACKAGE_DIR=<dir> -DNPM=<npm> -DSTAMP=<file> -P npm-ci.cmake
# Runs `npm ci` in PACKAGE_DIR only when node_modules is missing or older than package-lock.json,
# so several build directories can share one source tree without wiping each other's packages.
set(hidden_lock "${PACKAGE_DIR}/node_modules/.package-lock.json")
if(NOT EXISTS "${hidden_lock}" OR "${PACKAGE_DIR}/package-lock.json" IS_NEWER_THAN "${hidden_lock}")
  message(STATUS "npm ci in ${PACKAGE_DIR}")
  execute_process(
    COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error
    WORKING_DIRECTORY "${PACKAGE_DIR}"
    RESULT_VARIABLE npm_result)
  if(NOT npm_result EQUAL 0)
    message(FATAL_ERROR "npm ci failed in ${PACKAGE_DIR} (exit ${npm_result})")
  endif()
  file(TOUCH "${hidden_lock}")
endif()
file(TOUCH "${STAMP}")
