# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when an include goes up a layer or is not written from its root. Run by CTest as:
#   cmake -DROOT=<source dir> [-DSCAN=<dir>] -P checklayers.cmake
# It reads every .h and .cpp under SCAN's app/, views/ and model/ (SCAN is ROOT unless a fixture is
# checked) and looks up each #include "…" the way the compiler does with the project's include
# roots: first beside the including file, then from model/, views/ and app/. The folder the
# included file lives in must be the including file's own folder or one the table below allows.
# Includes of system and Qt headers (<…>) are not the project's layers and are not read.
cmake_minimum_required(VERSION 3.22)

# Each folder, and the folders its files may include (besides its own). Libraries link in the same
# direction (model/CMakeLists.txt): files (reading what a user names, writing whole files) sits under
# everything that touches files; trace is the base of the domain; io and lab build on it; the
# scenario format needs only trace and files, so it reads where no lab is built; run drives a scenario on the lab; views show the model; app
# wires everything. The helper knows only the lab's protocol and the lab hosts' rules.
set(layers model/files model/trace model/io model/lab model/scenario model/run
    views views/diagram views/panels views/export app app/labhelper)
set(allowed_model/files "")
set(allowed_model/trace "")
set(allowed_model/io model/trace model/files)
set(allowed_model/lab model/trace)
set(allowed_model/scenario model/trace model/files)
set(allowed_model/run model/trace model/files model/io model/lab model/scenario)
set(allowed_views/diagram model/trace)
set(allowed_views/export views/diagram model/trace model/files model/io)
set(allowed_views/panels views/diagram model/trace model/files model/io model/lab)
set(allowed_views views/diagram views/panels views/export model/trace model/files model/io model/lab)
set(allowed_app views views/diagram views/panels views/export
    model/trace model/files model/io model/lab model/scenario model/run)
set(allowed_app/labhelper model/lab model/trace)

if(NOT ROOT)
    message(FATAL_ERROR "usage: cmake -DROOT=<source dir> [-DSCAN=<dir>] -P checklayers.cmake")
endif()
if(NOT SCAN)
    set(SCAN "${ROOT}")
endif()
set(include_roots "${SCAN}/model" "${SCAN}/views" "${SCAN}/app")

# The layer a path (relative to SCAN) belongs to: the longest folder of the table it lies in.
function(layer_of rel out)
    set(best "")
    foreach(layer IN LISTS layers)
        string(LENGTH "${layer}" n)
        string(SUBSTRING "${rel}/" 0 ${n} head)
        string(LENGTH "${best}" bn)
        if(head STREQUAL layer AND n GREATER bn)
            string(SUBSTRING "${rel}/" ${n} 1 next)
            if(next STREQUAL "/")
                set(best "${layer}")
            endif()
        endif()
    endforeach()
    set(${out} "${best}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE files LIST_DIRECTORIES false
    "${SCAN}/app/*.cpp" "${SCAN}/app/*.h" "${SCAN}/model/*.cpp" "${SCAN}/model/*.h"
    "${SCAN}/views/*.cpp" "${SCAN}/views/*.h")
list(LENGTH files count)
if(count EQUAL 0)
    message(FATAL_ERROR "no source files under ${SCAN}/app, model or views")
endif()

set(problems "")
set(checked 0)
foreach(f IN LISTS files)
    file(RELATIVE_PATH rel "${SCAN}" "${f}")
    get_filename_component(dir "${f}" DIRECTORY)
    file(RELATIVE_PATH reldir "${SCAN}" "${dir}")
    layer_of("${reldir}" from)
    if(from STREQUAL "")
        list(APPEND problems "${rel}: lies in no folder of the layer table (tests/layers/checklayers.cmake)")
        continue()
    endif()
    # One list element per line, line numbers intact: the characters a CMake list treats specially
    # (; [ ] \) are taken out first, none of them being part of an include's name.
    file(READ "${f}" text)
    string(REGEX REPLACE "[][;\\]" " " text "${text}")
    string(REPLACE "\n" ";" lines "${text}")
    set(lineno 0)
    foreach(line IN LISTS lines)
        math(EXPR lineno "${lineno} + 1")
        if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\"")
            continue()
        endif()
        set(inc "${CMAKE_MATCH_1}")
        math(EXPR checked "${checked} + 1")
        if(inc MATCHES "(^|/)\\.\\.?/")
            list(APPEND problems
                "${rel}:${lineno}: #include \"${inc}\" climbs with ../: write it from its root, as \"trace/event.h\"")
            continue()
        endif()
        if(inc MATCHES "\\.moc$")
            continue() # moc's output for this very file
        endif()
        set(found "")
        foreach(base IN ITEMS "${dir}" ${include_roots})
            if(EXISTS "${base}/${inc}" AND NOT IS_DIRECTORY "${base}/${inc}")
                set(found "${base}/${inc}")
                break()
            endif()
        endforeach()
        if(found STREQUAL "")
            list(APPEND problems "${rel}:${lineno}: #include \"${inc}\" names no file of app/, views/ or model/")
            continue()
        endif()
        get_filename_component(todir "${found}" DIRECTORY)
        file(RELATIVE_PATH reltodir "${SCAN}" "${todir}")
        layer_of("${reltodir}" to)
        if(to STREQUAL from)
            continue()
        endif()
        if(NOT to IN_LIST allowed_${from})
            list(APPEND problems
                "${rel}:${lineno}: #include \"${inc}\" goes from ${from} to ${to}, which ${from} may not include")
        endif()
    endforeach()
endforeach()

list(LENGTH problems bad)
if(bad GREATER 0)
    list(JOIN problems "\n  " shown)
    message(FATAL_ERROR "${bad} includes break the layers:\n  ${shown}\n"
        "The allowed dependencies are the table in tests/layers/checklayers.cmake (docs/architecture.md).")
endif()
message("${checked} includes in ${count} files keep to the layers")
