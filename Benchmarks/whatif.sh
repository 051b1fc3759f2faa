#!/usr/bin/env bash
# What-if speed, cold against warm (issue #20), on the shipped sample at --gap 0.005 (GAP=0.001: the contract's default):
#   sweep 0.6…1.4 step 0.1   in one process (warm)  |  each factor a cold `plan`, two processes at a time
#   compare of the five scenarios                     |  each a cold `plan`, two at a time
#   a +10 % budget variant of a finished run          |  `plan --warm-start RUN`  against a cold `plan`
# and, with LARGE=1, a 5-factor sweep (0.8…1.2) of a generated province of 100,000 officials at --gap 0.01.
# Wall seconds of each whole command (reading and writing included), exit codes and objectives, as a table.
#   Benchmarks/whatif.sh                 CADREPLAN=path uses that binary instead of building the release one
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
if [ -z "${CADREPLAN:-}" ]; then
    swift build -c release --product cadreplan >&2
    CADREPLAN="$root/.build/release/cadreplan"
fi
S="$root/Scenarios/quang-ngai-2022"
export GAP="${GAP:-0.005}"  # the xargs shells read it too
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds() { local start=$1; python3 -c "import time;print('%.2f' % (time.time()-$start))"; }
now() { python3 -c 'import time;print(time.time())'; }
objective() { python3 -c "import json;print(json.load(open('$1/summary.json'))['objective'])"; }

echo "| what | warm: wall s | cold: wall s | notes |"
echo "|---|---:|---:|---|"

# Sweep: warm in one process; cold as one `plan` per factor file the sweep wrote, two at a time.
t=$(now); code=0; "$CADREPLAN" sweep "$S/baseline.yaml" --from 0.6 --to 1.4 --step 0.1 --gap $GAP --out "$work/sweep" --quiet || code=$?
warm=$(seconds "$t")
t=$(now)
ls "$work/sweep/scenarios/"*.yaml | xargs -P 2 -I{} sh -c '"$0" plan "$1" --gap $GAP --quiet --out "$2/cold-sweep/$(basename "$1" .yaml)" || true' "$CADREPLAN" {} "$work"
cold=$(seconds "$t")
mono=$(python3 - "$work/sweep/sweep.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig')))
objs = [float(r['objective']) for r in rows]
codes = sorted(set(r['exit_code'] for r in rows))
print('exit codes %s, shortfall %s, %s' % (','.join(codes), ' > '.join('%g' % o for o in objs),
      'never rises' if all(a >= b for a, b in zip(objs, objs[1:])) else 'RISES'))
PY
)
echo "| sweep 0.6…1.4 step 0.1 (9 plans), gap $GAP | $warm | $cold | exit $code; $mono |"

# Compare of the five shipped scenarios.
five=("$S/baseline.yaml" "$S/budget-minus-30.yaml" "$S/budget-plus-30.yaml" "$S/more-seats.yaml" "$S/locked-2023.yaml")
t=$(now); code=0; "$CADREPLAN" compare "${five[@]}" --gap $GAP --out "$work/compare" --quiet || code=$?
warm=$(seconds "$t")
t=$(now)
printf '%s\n' "${five[@]}" | xargs -P 2 -I{} sh -c '"$0" plan "$1" --gap $GAP --quiet --out "$2/cold-compare/$(basename "$1" .yaml)" || true' "$CADREPLAN" {} "$work"
cold=$(seconds "$t")
echo "| compare of the 5 shipped scenarios, gap $GAP | $warm | $cold | exit $code |"

# A budget variant (× 1.1) of a finished run of the baseline.
"$CADREPLAN" plan "$S/baseline.yaml" --gap $GAP --quiet --out "$work/base"
for run in 1 2 3; do
    t=$(now); code=0; "$CADREPLAN" plan "$work/sweep/scenarios/x1.1.yaml" --warm-start "$work/base" --gap $GAP --quiet --out "$work/warm-$run" || code=$?
    warm=$(seconds "$t")
    t=$(now); ccode=0; "$CADREPLAN" plan "$work/sweep/scenarios/x1.1.yaml" --gap $GAP --quiet --out "$work/cold-$run" || ccode=$?
    cold=$(seconds "$t")
    echo "| budget × 1.1 of a finished run, gap $GAP (try $run) | $warm | $cold | exit $code / $ccode; shortfall $(objective "$work/warm-$run") / $(objective "$work/cold-$run") |"
done

if [ "${LARGE:-0}" = 1 ]; then
    "$CADREPLAN" generate --officials 100000 --seed 2022 --out "$work/p100k" >/dev/null
    t=$(now); code=0; "$CADREPLAN" sweep "$work/p100k/baseline.yaml" --from 0.8 --to 1.2 --step 0.1 --gap 0.01 --out "$work/sweep100k" --quiet || code=$?
    warm=$(seconds "$t")
    echo "| 100,000 officials: sweep 0.8…1.2 (5 plans), gap 0.01 | $warm | — | exit $code; $(cut -d, -f1,3,4,5 "$work/sweep100k/sweep.csv" | tail -n +2 | tr '\n' ' ') |"
fi
