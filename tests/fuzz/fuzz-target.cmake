# SPDX-License-Identifier: MIT
# quire_add_dispatch_fuzzer(<root>): the libFuzzer target over argument decoding and dispatch, built
# from core/ and the Qt Core-only part of app/ (no WebEngine), instrumented with libFuzzer + ASan + UBSan.
# Needs clang >= 16 (libstdc++ 12's <expected> also needs __cpp_concepts >= 202002L; clang 16
# implements what that guards but still reports 201907L, hence the define below).

include("${CMAKE_CURRENT_LIST_DIR}/../../cmake/contract.cmake")

function(quire_add_dispatch_fuzzer root)
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/generated")
  set(generated_core "${generated}/quire/core/enum_values.h" "${generated}/quire/core/error_codes.h"
                     "${generated}/quire/core/checklist_item.h" "${generated}/quire/core/task.h"
                     "${generated}/quire/core/project.h" "${generated}/quire/core/undo_state.h"
                     "${generated}/quire/core/undo_step.h" "${generated}/quire/core/import_preview.h"
                     "${generated}/quire/core/transfer_summary.h" "${generated}/quire/core/database_info.h")
  quire_generate_contract(core "${generated}" ${generated_core})
  quire_generate_contract(app "${generated}" "${generated}/command_table.h" "${generated}/command_table.cpp")
  file(GLOB core_sources CONFIGURE_DEPENDS "${root}/core/*.cpp" "${root}/core/*.h" "${root}/core/include/quire/core/*.h")
  list(APPEND core_sources ${generated_core} "${generated}/command_table.h" "${generated}/command_table.cpp")
  set(app_sources)
  # No test_hook_bridge: the fuzzer never registers the hooks, and without QUIRE_WITH_TEST_HOOKS
  # bridge_registry does not refer to them.
  foreach(name IN ITEMS app_bridge argument_decoder bridge_registry change_events command_dispatch command_specs
                        database_switch database_thread envelope file_chooser history_bridge logging project_bridge task_bridge
                        task_columns transfer_bridge)
    list(APPEND app_sources "${root}/app/${name}.cpp" "${root}/app/${name}.h")
  endforeach()
  # The bridges' record JSON and the transfer bridge's file formats live in exchange/.
  file(GLOB exchange_sources CONFIGURE_DEPENDS "${root}/exchange/*.cpp" "${root}/exchange/*.h"
                                               "${root}/exchange/include/quire/exchange/*.h")
  list(APPEND app_sources ${exchange_sources})
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(FUZZ_LIBICAL REQUIRED IMPORTED_TARGET libical)

  add_executable(quire_dispatch_fuzzer "${root}/tests/fuzz/dispatch_fuzzer.cpp" ${core_sources} ${app_sources})
  set_target_properties(quire_dispatch_fuzzer PROPERTIES AUTOMOC ON CXX_STANDARD 23 CXX_STANDARD_REQUIRED ON
                                                         CXX_EXTENSIONS OFF)
  target_include_directories(quire_dispatch_fuzzer PRIVATE
    "${root}/core" "${root}/core/include" "${root}/exchange" "${root}/exchange/include" "${root}/app" "${generated}")
  find_package(SQLite3 REQUIRED)
  find_package(PostgreSQL REQUIRED)
  target_link_libraries(quire_dispatch_fuzzer PRIVATE Qt6::Core Qt6::Sql Qt6::WebChannel SQLite::SQLite3
                                                      PostgreSQL::PostgreSQL PkgConfig::FUZZ_LIBICAL)
  target_compile_definitions(quire_dispatch_fuzzer PRIVATE
    __cpp_concepts=202002L QUIRE_VERSION="fuzz"
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS QT_NO_FOREACH)
  set(sanitizers -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
  # OSS-Fuzz's flags, whatever the build type: -O1 and line tables only (a report names the file and
  # line of each frame). With RelWithDebInfo's -O2 -g the sanitized build took 620 CPU seconds, the
  # largest part of a fresh build.
  target_compile_options(quire_dispatch_fuzzer PRIVATE ${sanitizers} -Wno-builtin-macro-redefined -Wno-macro-redefined
                                                       -fno-omit-frame-pointer -O1 -gline-tables-only)
  target_link_options(quire_dispatch_fuzzer PRIVATE ${sanitizers})
endfunction()
