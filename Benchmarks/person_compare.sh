#!/usr/bin/env bash
# `plan` against the per-person model (one binary per official, course and start year) solved by HiGHS, on
# several provinces and seeds.
#
#   Benchmarks/person_compare.sh [SIZE...]          (default 40 60 300 1000)
#
# env: SEEDS (default "1 2 3 4 5"), PLAN_LIMIT (plan's --time-limit, default 30), HIGHS_LIMIT (HiGHS's time
#      limit on the per-person model, default 120), RESULTS (file the table is appended to, default
#      Benchmarks/results.md; "-" for none), SKIP_BUILD=1.
#
# For each size and seed: generate --officials SIZE --seed SEED; export-model --form person --format mps;
# HiGHS on it with no gap (its optimum when it proves one within HIGHS_LIMIT); then plan twice, with the
# default gap and with --gap 0, each --time-limit PLAN_LIMIT. One table row per province.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"
results="${RESULTS:-$here/results.md}"
invocation="$(printf '%q ' "Benchmarks/person_compare.sh" "$@")"
invocation="${invocation% }"
. "$here/common.sh"
build_cadreplan
python3 -c 'import highspy' >/dev/null 2>&1 || python3 -m pip install -q highspy >&2
machine="$(machine_line)"
mkdir -p "$here/work"
work="$(mktemp -d "$here/work/person-$(date +%Y%m%d-%H%M%S)-XXXX")"
echo "person_compare.sh: work folder $work" >&2
table="$(python3 "$here/person_compare.py" "$exe" "$work" "${SEEDS:-1 2 3 4 5}" "${PLAN_LIMIT:-30}" "${HIGHS_LIMIT:-120}" "${@:-40 60 300 1000}")"
section="## plan against the per-person model under HiGHS — $(date -u '+%Y-%m-%d %H:%M') UTC

- machine: $machine
- command: \`SEEDS=\"${SEEDS:-1 2 3 4 5}\" PLAN_LIMIT=${PLAN_LIMIT:-30} HIGHS_LIMIT=${HIGHS_LIMIT:-120} $invocation\`
- cadreplan built from: $built_from
- work folder: \`${work#$root/}\`

$table"
publish_section person_compare.sh "$section"
