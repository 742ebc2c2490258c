# SPDX-License-Identifier: MIT
# The IPC contract: resources/ipc-contract.json is written by hand; scripts/generate-contract.mjs
# derives the C++ and TypeScript forms from it in the build. quire_generate_contract(<side> <dir>
# <outputs...>) adds the custom command that writes one side's files (core, app or docs).

find_program(NODE_EXECUTABLE node REQUIRED)
get_filename_component(quire_contract_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(QUIRE_CONTRACT "${quire_contract_root}/resources/ipc-contract.json")
set(QUIRE_CONTRACT_GENERATOR "${quire_contract_root}/scripts/generate-contract.mjs")

function(quire_generate_contract side destination)
  add_custom_command(
    OUTPUT ${ARGN}
    COMMAND "${NODE_EXECUTABLE}" "${QUIRE_CONTRACT_GENERATOR}" "${QUIRE_CONTRACT}" "--${side}" "${destination}"
    DEPENDS "${QUIRE_CONTRACT}" "${QUIRE_CONTRACT_GENERATOR}"
    COMMENT "Generating the ${side} form of the IPC contract"
    VERBATIM)
endfunction()
