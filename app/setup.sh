#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One command for a new user on Debian 12 / Ubuntu 24.04:
#   bash app/setup.sh run    install what is missing, build, open SynScope
#   bash app/setup.sh test   install what is missing, build, run the whole test suite
#                            (CI=true or SYNSCOPE_NOLAB=1: also a build without the lab, build-nolab)
# Extra arguments after "run" go to synscope (e.g. --scenario handshake --export out.json).
set -euo pipefail

mode=${1:-run}
[ $# -gt 0 ] && shift
case "$mode" in run|test) ;; *) echo "usage: bash app/setup.sh run|test [synscope arguments]" >&2; exit 2;; esac

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SYNSCOPE_BUILD_DIR:-$src/build}

# Build and run-time packages (qt6-tools-dev: CMake's Qt6LinguistTools, qt6-l10n-tools: lupdate and
# lrelease for the translations, qt6-translations-l10n: Qt's own dialogs in the user's language);
# the test run also needs tshark, a setpriv (util-linux) and the desktop's validators for the
# installed .desktop entry and AppStream metainfo, and clang-format for the formatting check.
packages=(build-essential cmake ninja-build ccache pkg-config
          qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 libpcap-dev
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
          libgl-dev fonts-dejavu-core iproute2)
[ "$mode" = test ] && packages+=(tshark util-linux desktop-file-utils appstream clang-format)

sudo_=()
[ "$(id -u)" -ne 0 ] && sudo_=(sudo)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo_[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

werror=OFF
[ "${CI:-}" = true ] && werror=ON
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Paths relative to the checkout, and the build folder's own path left out of the hash (it only
# names the debug info's compile directory), so a fresh clone elsewhere (CI) reuses what ccache
# already holds.
export CCACHE_BASEDIR="$src" CCACHE_NOHASHDIR=1
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNSCOPE_WERROR=$werror "${launcher[@]}"
cmake --build "$build" --parallel "$(nproc)"

# Ubuntu 24.04 (kernel.apparmor_restrict_unprivileged_userns=1) gives a program's user namespace no
# capabilities unless an AppArmor profile allows it, and the lab cannot start without them. Install
# one for this build tree's helper (resources/apparmor/synscope-lab-helper.in, as cmake --install
# does for an installed one). Nothing to do, and nothing fails, where AppArmor does not restrict.
allow_userns() {
    [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null)" = 1 ] || return 0
    local helper="$build/app/synscope-lab-helper" name=synscope-lab-helper-build text
    local profile=/etc/apparmor.d/$name
    case "$helper" in *" "*) helper="\"$helper\"";; esac
    text=$(sed -e "s|@SYNSCOPE_PROFILE@|$name|g" -e "s|@SYNSCOPE_HELPER@|$helper|g" \
        "$src/resources/apparmor/synscope-lab-helper.in")
    [ -f "$profile" ] && [ "$(cat "$profile")" = "$text" ] && return 0
    echo "setup: this kernel restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns=1)"
    echo "setup: and the lab helper needs one: installing the AppArmor profile $profile for $helper"
    echo "setup: and loading it: ${sudo_[*]:+${sudo_[*]} }apparmor_parser -r $profile"
    if ! { printf '%s\n' "$text" | "${sudo_[@]}" tee "$profile" >/dev/null && "${sudo_[@]}" apparmor_parser -r "$profile"; }; then
        echo "setup: could not install $profile; the lab will say why it cannot start" >&2
    fi
}
allow_userns

if [ "$mode" = test ]; then
    # The 50-run stability proof (label "proof") is a separate command: ctest -L proof.
    (cd "$build" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600 --label-exclude proof)
    # CI (and SYNSCOPE_NOLAB=1) also builds the app without the lab (-DSYNSCOPE_LAB=OFF: what a
    # macOS or Windows port starts from) and runs that tree's suite, the tests that need no lab.
    # Benchmarks aside; ccache already holds most of what it compiles.
    if [ "${CI:-}" = true ] || [ "${SYNSCOPE_NOLAB:-}" = 1 ]; then
        nbuild=${SYNSCOPE_NOLAB_BUILD_DIR:-$build-nolab}
        cmake -S "$src" -B "$nbuild" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSYNSCOPE_LAB=OFF \
            -DSYNSCOPE_BUILD_BENCHMARKS=OFF -DSYNSCOPE_WERROR=$werror "${launcher[@]}"
        cmake --build "$nbuild" --parallel "$(nproc)"
        (cd "$nbuild" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600 --label-exclude 'proof|bench')
    fi
    # CI (and SYNSCOPE_SANITIZE=1) also builds a second tree with AddressSanitizer and
    # UndefinedBehaviorSanitizer and runs the suite there (benchmarks aside): any report fails.
    if [ "${CI:-}" = true ] || [ "${SYNSCOPE_SANITIZE:-}" = 1 ]; then
        sbuild=${SYNSCOPE_SANITIZE_BUILD_DIR:-$build-sanitize}
        # -O1 keeps the instrumented tree quick to build and run; -g1 gives reports their lines.
        cmake -S "$src" -B "$sbuild" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
            -DSYNSCOPE_SANITIZE=ON -DSYNSCOPE_BUILD_BENCHMARKS=OFF -DSYNSCOPE_WERROR=$werror "${launcher[@]}"
        cmake --build "$sbuild" --parallel "$(nproc)"
        supp="$src/tests/sanitizers"
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=0:verify_asan_link_order=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp"
        export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
        (cd "$sbuild" && ctest --output-on-failure --parallel "$(nproc)" --timeout 900 --label-exclude 'proof|bench')
    fi
    exit 0
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ $# -eq 0 ]; then
    cat <<EOT
setup: built $build/app/synscope, but there is no display to open a window on.
Without a display, use the command line instead, for example:
  $build/app/synscope --scenario handshake --export handshake.json
  $build/app/synscope --help
EOT
    exit 0
fi
exec "$build/app/synscope" "$@"
