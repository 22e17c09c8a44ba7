# SPDX-License-Identifier: GPL-3.0-or-later
# `DESTDIR=<stage> cmake --install <build> --prefix /usr` puts every file in its FHS place, the
# icons at their sizes, the AppArmor profile naming the installed helper (and loads nothing: the
# install is staged), and the installed app finds its helper in ../libexec by itself.
file(REMOVE_RECURSE ${STAGE})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${STAGE}
        ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
message("${out}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install into ${STAGE} failed (${rc})")
endif()
if(out MATCHES "Loading ")
    message(FATAL_ERROR "a staged install loaded the AppArmor profile")
endif()

set(root ${STAGE}/usr)
# Without the lab (LAB off) there is no helper to install.
set(programs ${BINDIR}/synscope)
if(LAB)
    list(APPEND programs ${LIBEXECDIR}/synscope-lab-helper)
elseif(EXISTS ${root}/${LIBEXECDIR}/synscope-lab-helper)
    message(FATAL_ERROR "a build without the lab installed a lab helper")
endif()
set(expected
    ${programs}
    ${DATADIR}/applications/${APP_ID}.desktop
    ${DATADIR}/metainfo/${APP_ID}.metainfo.xml
    ${DATADIR}/mime/packages/${APP_ID}.xml
    ${DATADIR}/icons/hicolor/scalable/apps/${APP_ID}.svg
    ${MANDIR}/man1/synscope.1)
set(sizes 16 32 48 64 128 256)
foreach(size IN LISTS sizes)
    list(APPEND expected ${DATADIR}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(path IN LISTS expected)
    if(NOT EXISTS ${root}/${path})
        message(FATAL_ERROR "not installed: /usr/${path}")
    endif()
endforeach()
foreach(exe ${programs})
    execute_process(COMMAND test -x ${root}/${exe} RESULT_VARIABLE not_executable) # IS_EXECUTABLE: CMake 3.29
    if(not_executable)
        message(FATAL_ERROR "not executable: /usr/${exe}")
    endif()
endforeach()

# A PNG's width and height are the big-endian words at bytes 16 and 20 of its IHDR chunk.
foreach(size IN LISTS sizes)
    set(png ${root}/${DATADIR}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
    file(READ ${png} header LIMIT 24 HEX)
    string(SUBSTRING "${header}" 0 16 magic)
    string(SUBSTRING "${header}" 32 16 dims)
    math(EXPR w "0x${dims}" OUTPUT_FORMAT DECIMAL)
    math(EXPR hex_size "(${size} << 32) | ${size}" OUTPUT_FORMAT HEXADECIMAL)
    math(EXPR want "${hex_size}" OUTPUT_FORMAT DECIMAL)
    if(NOT magic STREQUAL "89504e470d0a1a0a" OR NOT w EQUAL want)
        message(FATAL_ERROR "${png} is not a ${size}x${size} PNG (header ${header})")
    endif()
endforeach()

if(APPARMOR_DIR)
    set(profile ${STAGE}${APPARMOR_DIR}/synscope-lab-helper)
    if(NOT EXISTS ${profile})
        message(FATAL_ERROR "not installed: ${APPARMOR_DIR}/synscope-lab-helper")
    endif()
    file(READ ${profile} text)
    foreach(line "abi <abi/4.0>," "include <tunables/global>"
            "profile synscope-lab-helper /usr/${LIBEXECDIR}/synscope-lab-helper flags=(unconfined) {"
            "  userns," "  include if exists <local/synscope-lab-helper>")
        string(FIND "${text}" "${line}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "the AppArmor profile lacks \"${line}\":\n${text}")
        endif()
    endforeach()
endif()

# The MIME package compiles, and maps *.synscope.json to SynScope's type.
find_program(update_mime update-mime-database)
if(update_mime)
    execute_process(COMMAND ${update_mime} ${root}/${DATADIR}/mime RESULT_VARIABLE rc ERROR_VARIABLE err)
    file(READ ${root}/${DATADIR}/mime/globs2 globs)
    if(NOT rc EQUAL 0 OR NOT globs MATCHES "application/x-synscope\\+json:\\*\\.synscope\\.json")
        message(FATAL_ERROR "update-mime-database: ${rc} ${err}\nglobs2:\n${globs}")
    endif()
else()
    message("update-mime-database is not installed: the MIME package was not compiled")
endif()

# The installed app finds the installed helper by itself (no SYNSCOPE_LAB_HELPER). Where the lab
# cannot run at all, the failure must come from past the helper's start, not from not finding it.
set(trace ${STAGE}/handshake.json)
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=SYNSCOPE_LAB_HELPER QT_QPA_PLATFORM=offscreen
        ${root}/${BINDIR}/synscope --scenario handshake --export ${trace}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT LAB)
    # A built-in scenario exports its bundled recording, saying there is no live lab in this build.
    if(NOT rc EQUAL 0 OR NOT out MATCHES "live lab unavailable here: this build has no live lab")
        message(FATAL_ERROR "the installed synscope without the lab did not export the bundled recording (${rc}):\n${out}")
    endif()
    message("the installed synscope without the lab exported the bundled recording:\n${out}")
elseif(rc EQUAL 0)
    file(READ ${trace} json)
    if(NOT json MATCHES "\"source\": *\"lab\"")
        message(FATAL_ERROR "the installed app wrote no lab trace:\n${json}")
    endif()
    message("the installed synscope ran the handshake with the installed helper")
elseif(out MATCHES "exec\\(" OR out MATCHES "synscope-lab-helper[^\n]*ENOENT")
    message(FATAL_ERROR "the installed synscope did not find its helper:\n${out}")
else()
    message("the lab cannot run here, but the helper was found and started:\n${out}")
endif()
