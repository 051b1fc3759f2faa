#!/usr/bin/env bash
# Benchmarks cadreplan on synthetic provinces of several sizes.
#
#   Benchmarks/run.sh [SIZES...]          (default: 1000 5300 20000 100000)
#
# env: TIME_LIMIT (plan --time-limit, default 60), GAP (plan --gap, default 0.001),
#      SEED (generate --seed, default 2022), HARD_LIMIT (seconds after which a plan still running is
#      stopped and reported as killed; default max(1800, 20 x TIME_LIMIT)),
#      RESULTS (file the table is appended to, default Benchmarks/results.md; "-" for none),
#      SKIP_BUILD=1 (use the existing .build-bench binary).
#
# For each size: generate the province (timed), then plan it under /usr/bin/time -v with
# CADREPLAN_TRACE=1; prints one Markdown table and appends it, with the machine and the command,
# to Benchmarks/results.md. Everything else (provinces, outputs, logs) stays in Benchmarks/work/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5300 20000 100000)
for s in "${sizes[@]}"; do
    [[ "$s" =~ ^[0-9]+$ ]] || { echo "run.sh: size '$s' is not a whole number" >&2; exit 1; }
done
time_limit="${TIME_LIMIT:-60}"
gap="${GAP:-0.001}"
seed="${SEED:-2022}"
results="${RESULTS:-$here/results.md}"
invocation="$(printf '%q ' "Benchmarks/run.sh" "$@")"
invocation="TIME_LIMIT=$time_limit ${invocation% }"

. "$here/common.sh"
ensure_apt /usr/bin/time:time
build_cadreplan

machine="$(machine_line)"
run_started=$(date +%s)
mkdir -p "$here/work"
work="$(mktemp -d "$here/work/run-$(date +%Y%m%d-%H%M%S)-XXXX")"
records="$work/records.jsonl"
: > "$records"
echo "run.sh: work folder $work" >&2

for size in "${sizes[@]}"; do
    province="$work/province-$size"
    echo "run.sh: [$size] generate --officials $size --seed $seed" >&2
    gen_time="$work/generate-$size.time"
    set +e
    /usr/bin/time -v -o "$gen_time" "$exe" generate --officials "$size" --seed "$seed" --out "$province" \
        > "$work/generate-$size.out" 2> "$work/generate-$size.err"
    gen_rc=$?
    set -e
    gen_json="$(python3 - "$gen_time" "$work/generate-$size.out" "$work/generate-$size.err" "$gen_rc" <<'PY'
import json, re, sys
import os
t = open(sys.argv[1], encoding="utf-8", errors="replace").read() if os.path.exists(sys.argv[1]) else ""
out = open(sys.argv[2], encoding="utf-8", errors="replace").read()
err = open(sys.argv[3], encoding="utf-8", errors="replace").read()
rec = {"exit_code": int(sys.argv[4]), "stdout": out.strip(), "stderr_tail": err.strip().splitlines()[-3:]}
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([0-9:.]+)", t)
if m:
    s = 0.0
    for p in m.group(1).split(":"):
        s = s * 60 + float(p)
    rec["wall_s"] = s
m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", t)
if m:
    rec["peak_mb"] = int(m.group(1)) / 1024
m = re.match(r"\s*(\d+) officials", out)
if m:
    rec["officials"] = int(m.group(1))
print(json.dumps(rec))
PY
)"
    echo "run.sh: [$size] $(head -c 300 "$work/generate-$size.out")" >&2
    if [ "$gen_rc" -ne 0 ] || [ ! -f "$province/baseline.yaml" ]; then
        echo "run.sh: [$size] generate failed (exit $gen_rc); see $work/generate-$size.err" >&2
        python3 -c 'import json,sys; g=json.loads(sys.argv[2]); print(json.dumps({"size": int(sys.argv[1]), "generate": g, "plan": {}}))' \
            "$size" "$gen_json" >> "$records"
        continue
    fi
    echo "run.sh: [$size] plan --time-limit $time_limit --gap $gap" >&2
    log="$work/plan-$size.log"
    plan_json="$(python3 "$here/bench_plan.py" "$exe" "$province/baseline.yaml" "$work/out-$size" "$log" "$time_limit" "$gap")" || {
        echo "run.sh: [$size] bench_plan.py failed" >&2; plan_json='{}'; }
    python3 -c '
import json, sys
g = json.loads(sys.argv[2]); p = json.loads(sys.argv[3])
print(json.dumps({"size": int(sys.argv[1]), "officials_generated": g.get("officials"), "generate": g,
                  "plan": p, "log": sys.argv[4]}))' "$size" "$gen_json" "$plan_json" "${log#$root/}" >> "$records"
    python3 -c '
import json, sys
r = json.loads(open(sys.argv[1]).read().splitlines()[-1]); p = r["plan"]; s = p.get("summary") or {}
print("run.sh: [%s] exit %s, wall %.1f s, peak %.0f MB, status %s, objective %s, gap %s" % (
    r["size"], p.get("exit_code"), p.get("wall_s", float("nan")), p.get("peak_mb", float("nan")),
    s.get("status"), s.get("objective"), s.get("gap")), file=sys.stderr)' "$records"
done

table="$(python3 "$here/report.py" "$records")"
section="$(cat <<EOF
## Province sizes — $(date -u '+%Y-%m-%d %H:%M UTC')

- machine: $machine
- command: \`$invocation\` (plan: \`--time-limit $time_limit --gap $gap\`, generate: \`--seed $seed\`)
- cadreplan built from: $built_from (\`swift build -c release --product cadreplan --scratch-path .build-bench\`)
- whole run (generate + plan, all sizes, after the build): $(( $(date +%s) - run_started )) s
- work folder (logs, outputs): \`${work#$root/}\`

$table
EOF
)"
publish_section run.sh "$section"
