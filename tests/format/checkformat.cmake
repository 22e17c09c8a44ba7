# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a C++ source differs from what clang-format makes of it with the project's
# .clang-format. Run by CTest as: cmake -DCLANG_FORMAT=... -DROOT=<dir> [-DFILES=a;b] -P checkformat.cmake
# Without FILES every .cpp and .h under ROOT's app/ model/ views/ tests/ is checked.
# Formatting differs between clang-format versions; the tree is kept in clang-format 14's form
# (Debian 12's). With another major version the check is skipped (exit code 77), and says so.
cmake_minimum_required(VERSION 3.22)

if(NOT CLANG_FORMAT)
    find_program(CLANG_FORMAT NAMES clang-format-14 clang-format)
endif()
if(NOT CLANG_FORMAT)
    message("SKIP: no clang-format found (apt install clang-format)")
    if("$ENV{CI}" STREQUAL "true")
        message(FATAL_ERROR "CI must check the formatting: clang-format is missing")
    endif()
    cmake_language(EXIT 77)
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --version OUTPUT_VARIABLE version)
if(NOT version MATCHES "version 14\\.")
    message("SKIP: the tree is formatted with clang-format 14; ${CLANG_FORMAT} is ${version}")
    cmake_language(EXIT 77)
endif()

if(NOT FILES)
    file(GLOB_RECURSE FILES LIST_DIRECTORIES false
        "${ROOT}/app/*.cpp" "${ROOT}/app/*.h" "${ROOT}/model/*.cpp" "${ROOT}/model/*.h"
        "${ROOT}/views/*.cpp" "${ROOT}/views/*.h" "${ROOT}/tests/*.cpp" "${ROOT}/tests/*.h")
endif()
list(LENGTH FILES count)
if(count EQUAL 0)
    message(FATAL_ERROR "no source files under ${ROOT}")
endif()

set(drifted "")
foreach(f IN LISTS FILES)
    execute_process(COMMAND "${CLANG_FORMAT}" --style=file:${ROOT}/.clang-format --dry-run --Werror "${f}"
        RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        file(RELATIVE_PATH rel "${ROOT}" "${f}")
        list(APPEND drifted "${rel}")
        string(REGEX MATCH "[^\n]*:[0-9]+:[0-9]+: [^\n]*" first "${err}")
        message("${first}")
    endif()
endforeach()
list(LENGTH drifted bad)
if(bad GREATER 0)
    list(JOIN drifted "\n  " shown)
    message(FATAL_ERROR "${bad} of ${count} files are not formatted:\n  ${shown}\n"
        "Apply the project's style with: clang-format -i <file> (clang-format 14)")
endif()
message("${count} files formatted as .clang-format says")
