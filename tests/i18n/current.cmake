# SPDX-License-Identifier: GPL-3.0-or-later
# Each .ts is current: lupdate run over today's sources (on a copy) adds no text, which would come
# in unfinished, and finds none the sources no longer have (vanished or obsolete). A helper who
# adds a string must translate it: `cmake --build build --target update_translations`, then
# translate (docs/translations.md).
# cmake -DLUPDATE=<lupdate> -DSOURCES=<list file> -DWORK=<dir> -DOPTIONS=<lupdate options> -DTS_FILES=<.ts;...> -P current.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failed)
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    file(COPY_FILE "${ts}" "${WORK}/${name}")
    execute_process(COMMAND "${LUPDATE}" ${OPTIONS} "@${SOURCES}" -ts "${WORK}/${name}"
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed (${rc}):\n${out}")
    endif()
    file(STRINGS "${WORK}/${name}" lines)
    set(context "")
    set(source "")
    foreach(line IN LISTS lines)
        if(line MATCHES "<name>(.*)</name>")
            set(context "${CMAKE_MATCH_1}")
        elseif(line MATCHES "<source>(.*)</source>")
            set(source "${CMAKE_MATCH_1}")
        elseif(line MATCHES "type=\"(unfinished|vanished|obsolete)\"")
            string(APPEND failed "\n  ${name}, ${context}, ${CMAKE_MATCH_1}: ${source}")
        endif()
    endforeach()
endforeach()
if(failed)
    message(FATAL_ERROR "the translations are not current (cmake --build build --target update_translations, "
        "then translate; docs/translations.md):${failed}")
endif()
message(STATUS "every .ts holds exactly the texts of the sources, translated")
