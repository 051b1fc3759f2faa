#!/usr/bin/env bash
# Solves one province's integer program with glpsol, CBC, HiGHS and cadreplan itself, same time limit.
#
#   Benchmarks/compare_solvers.sh SIZE [SECONDS]      (SECONDS default 60)
#
# env: SEED (default 2022), GAP (relative MIP gap, default 0.001), RESULTS (file the table is appended
#      to, default Benchmarks/results.md; "-" for none), SKIP_BUILD=1, NO_INSTALL=1 (do not apt-get /
#      pip install missing solvers; their rows then show —).
#
# 1. generate --officials SIZE --seed SEED
# 2. export-model --format mps --time-limit SECONDS: the restricted master problem after column
#    generation, objective = the primary objective (weighted shortfall)
# 3. glpsol --freemps, cbc, highs_solve.py on that MPS, each with SECONDS; then cadreplan plan
#    --time-limit SECONDS on the province (its own column generation + search, and it also finishes the
#    second phase, least spending, within the same limit).
# Prints one table: solver | objective | bound | gap | seconds (+ status, peak MB), reasons for any —
# below it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]] || { [ $# -ge 2 ] && ! [[ "$2" =~ ^[0-9]+([.][0-9]+)?$ ]]; }; then
    echo "usage: Benchmarks/compare_solvers.sh SIZE [SECONDS]" >&2
    exit 1
fi
size="$1"
secs="${2:-60}"
seed="${SEED:-2022}"
gap="${GAP:-0.001}"
results="${RESULTS:-$here/results.md}"
invocation="$(printf '%q ' "Benchmarks/compare_solvers.sh" "$@")"
invocation="${invocation% }"

. "$here/common.sh"
ensure_apt /usr/bin/time:time
build_cadreplan
if [ "${NO_INSTALL:-0}" != 1 ]; then
    ensure_apt glpsol:glpk-utils || true
    ensure_apt cbc:coinor-cbc || true
    if ! python3 -c 'import highspy' >/dev/null 2>&1; then
        echo "compare_solvers.sh: pip install highspy" >&2
        python3 -m pip install -q highspy >&2 || echo "compare_solvers.sh: pip install highspy failed" >&2
    fi
fi

machine="$(machine_line)"
run_started=$(date +%s)
mkdir -p "$here/work"
work="$(mktemp -d "$here/work/compare-$size-$(date +%Y%m%d-%H%M%S)-XXXX")"
echo "compare_solvers.sh: work folder $work" >&2
model="$work/model.mps"

echo "compare_solvers.sh: generate --officials $size --seed $seed" >&2
"$exe" generate --officials "$size" --seed "$seed" --out "$work/province" > "$work/generate.out" 2>&1 || {
    cat "$work/generate.out" >&2; echo "compare_solvers.sh: generate failed" >&2; exit 3; }
scenario="$work/province/baseline.yaml"

echo "compare_solvers.sh: export-model --format mps --time-limit $secs" >&2
set +e
CADREPLAN_TRACE=1 /usr/bin/time -v -o "$work/export.time" \
    "$exe" export-model "$scenario" --format mps --out "$model" --time-limit "$secs" --gap "$gap" \
    > "$work/export.out" 2> "$work/export.err"
export_rc=$?
set -e
if [ "$export_rc" -ne 0 ] || [ ! -s "$model" ]; then
    echo "compare_solvers.sh: export-model failed (exit $export_rc):" >&2
    tail -5 "$work/export.err" >&2
fi

# Each external solver: its own log, /usr/bin/time -v for wall time and peak memory, and a hard stop
# 60 s past the limit (timeout ends only the process it started).
hard=$(python3 -c "print(int(float('$secs')) + 60)")
run_solver() {  # name, command...
    local name="$1"; shift
    echo "compare_solvers.sh: $name" >&2
    set +e
    timeout --kill-after=10 "$hard" /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.log" 2>&1
    echo $? > "$work/$name.rc"
    set -e
}
if [ -s "$model" ]; then
    if command -v glpsol >/dev/null 2>&1; then
        run_solver glpsol glpsol --freemps "$model" --tmlim "$(python3 -c "print(max(1, int(float('$secs'))))")" \
            --mipgap "$gap" -o "$work/glpsol.sol"
    else echo "glpsol not installed (apt-get install glpk-utils)" > "$work/glpsol.missing"; fi
    if command -v cbc >/dev/null 2>&1; then
        run_solver cbc cbc "$model" -timeMode elapsed -sec "$secs" -ratio "$gap" -solve -quit
    else echo "cbc not installed (apt-get install coinor-cbc)" > "$work/cbc.missing"; fi
    if python3 -c 'import highspy' >/dev/null 2>&1; then
        run_solver highs python3 "$here/highs_solve.py" "$model" "$secs" "$gap" --log "$work/highs-solver.log"
    else echo "highspy not installed (pip install highspy)" > "$work/highs.missing"; fi
fi

echo "compare_solvers.sh: cadreplan plan --time-limit $secs" >&2
python3 "$here/bench_plan.py" "$exe" "$scenario" "$work/plan-out" "$work/cadreplan.log" "$secs" "$gap" \
    > "$work/cadreplan.json" || echo '{}' > "$work/cadreplan.json"

table="$(python3 "$here/parse_solvers.py" "$work" "$secs" "$export_rc")"
section="$(cat <<EOF
## Solvers on one province — $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $machine
- command: \`$invocation\` ($size officials asked, seed $seed, time limit $secs s each, relative gap $gap)
- cadreplan built from: $built_from
- whole run (generate, export and four solves, after the build): $(( $(date +%s) - run_started )) s
- work folder (model, logs): \`${work#$root/}\`

$table
EOF
)"
publish_section compare_solvers.sh "$section"
