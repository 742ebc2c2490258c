# SPDX-License-Identifier: MIT
# quire_npm_ci(<out-var> <what>): a build step that installs the npm packages of the calling
# folder with `npm ci`, through npm-ci.cmake, which skips it while node_modules is up to date.
# <out-var> receives the stamp file that targets needing the packages depend on.
function(quire_npm_ci out_var what)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  set(stamp "${CMAKE_CURRENT_BINARY_DIR}/npm-ci.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    COMMAND "${CMAKE_COMMAND}" -DPACKAGE_DIR=${CMAKE_CURRENT_SOURCE_DIR} -DNPM=${NPM_EXECUTABLE}
            -DSTAMP=${stamp} -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/npm-ci.cmake"
    DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/package.json" "${CMAKE_CURRENT_SOURCE_DIR}/package-lock.json"
    COMMENT "Installing ${what} (npm ci)"
    VERBATIM)
  set(${out_var} "${stamp}" PARENT_SCOPE)
endfunction()
