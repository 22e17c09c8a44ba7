#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Re-records the bundled recording of every built-in scenario on this machine's kernels, as
# `synscope --scenario ID --export` records it (each file says which kernel made it and when).
# The window plays these where no lab can run; tst_scenarios checks that each still tells the same
# story as a fresh run, so re-record after changing a scenario or what the lab records:
#   bash resources/recordings/record.sh [path/to/synscope]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
app=${1:-$here/../../build/app/synscope}
[ -x "$app" ] || { echo "record.sh: no synscope at $app; build first (bash app/setup.sh test) or name it" >&2; exit 2; }
"$app" --list-scenarios | while read -r id _; do
    # Into a temporary name first: a failed run (the lab refused, an expectation unmet) keeps the
    # previous recording.
    if ! "$app" --scenario "$id" --export "$here/$id.json.new" --format json; then
        rm -f "$here/$id.json.new"
        echo "record.sh: $id did not run as written; its recording is unchanged" >&2
        exit 1
    fi
    mv "$here/$id.json.new" "$here/$id.json"
    echo "recorded $id"
done
