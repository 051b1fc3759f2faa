#!/usr/bin/env bash
# Shows that a change leaves what users see as it was: plans the sample (as plan-sample.sh does), the small
# scenario, and the README's two re-plans (2023 with --previous, 2026 across the reorganisation) with the
# current release build, and compares every output file and every command's standard output byte for byte
# with a folder of earlier outputs.
#
#   scripts/same-outputs.sh --record DIR   writes the outputs into DIR (make it before the change)
#   scripts/same-outputs.sh DIR            exit 0 when every file equals DIR's; else lists the files that differ
#
# Every run ends by its gap, not by a deadline, so its plan does not depend on the machine's speed. The wall time
# of a solve is the one thing that differs between runs: summary.json's "seconds", and the line
# of standard output that reports it. Only those are blanked before comparing; everything else must be equal.
# CADREPLAN=path/to/cadreplan uses that binary instead of building the release one.
set -euo pipefail
cd "$(dirname "$0")/.."

record=false
if [ "${1:-}" = "--record" ]; then
    record=true
    shift
fi
[ $# -eq 1 ] || { echo "usage: scripts/same-outputs.sh [--record] DIR" >&2; exit 64; }
target="$1"

if [ -z "${CADREPLAN:-}" ]; then
    swift build -c release --product cadreplan >&2
    CADREPLAN=.build/release/cadreplan
fi

if $record; then
    out="$target"
    mkdir -p "$out"
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

S=Scenarios/quang-ngai-2022
# Exit 2 (the search ended before the gap) still writes every output, and must then be the same too.
run() {
    local name="$1"
    shift
    local status=0
    "$CADREPLAN" "$@" --quiet >"$out/$name.stdout" 2>"$out/$name.stderr" || status=$?
    echo "$status" >"$out/$name.status"
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
        echo "same-outputs: cadreplan $* exited $status:" >&2
        cat "$out/$name.stderr" >&2
        exit 1
    fi
}
run baseline plan $S/baseline.yaml --out "$out/baseline" --gap 0.005
# At the default gap (0.1 %) the small scenario searches until its time limit, and what a search finds by a
# deadline depends on the machine; at 2 % it ends by the gap (in about a second), on a path fixed by the seed.
run small plan Scenarios/small/small.yaml --out "$out/small" --gap 0.02
run replan-2023 replan $S/locked-2023.yaml --from 2023 --actuals $S/actuals-2022.csv --previous "$out/baseline" \
    --out "$out/replan-2023" --gap 0.005
run replan-2026 replan $S/merged-2026.yaml --from 2026 --actuals $S/actuals-2022-2025.csv \
    --reorganisation $S/reorganisation-2025.csv --out "$out/replan-2026" --gap 0.005

$record && { echo "recorded in $out" >&2; exit 0; }

# Blanks the wall time where it is written; prints the file otherwise as it is.
normalised() {
    case "$1" in
        */summary.json) sed -E 's/("seconds": *)[0-9.eE+-]+/\1"…"/' "$1" ;;
        *) cat "$1" ;;
    esac
}

differ=0
while IFS= read -r file; do
    before="$target/$file"
    after="$out/$file"
    if [ ! -f "$before" ]; then
        echo "new: $file"
        differ=1
    elif ! cmp -s <(normalised "$before") <(normalised "$after"); then
        echo "differs: $file"
        differ=1
    fi
done < <(cd "$out" && find . -type f | sed 's|^\./||' | sort)
while IFS= read -r file; do
    [ -f "$out/$file" ] || { echo "missing: $file"; differ=1; }
done < <(cd "$target" && find . -type f | sed 's|^\./||' | sort)

if [ "$differ" -eq 0 ]; then
    echo "same outputs: $(cd "$out" && find . -type f | wc -l) files equal to $target's"
fi
exit "$differ"
