#!/usr/bin/env python3
"""The table of person_compare.sh: for each size and seed, generate a province, export its per-person model,
solve that with HiGHS (no gap, a time limit), and run `plan` with the default gap and with --gap 0.

usage: person_compare.py CADREPLAN WORK "SEEDS" PLAN_LIMIT HIGHS_LIMIT SIZE...
"""
import json
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))


def run(args, **kw):
    started = time.monotonic()
    done = subprocess.run(args, capture_output=True, text=True, **kw)
    return done, time.monotonic() - started


def plan(exe, scenario, out, limit, gap):
    args = [exe, "plan", scenario, "--out", out, "--time-limit", str(limit), "--quiet"]
    if gap is not None:
        args += ["--gap", str(gap)]
    done, seconds = run(args)
    try:
        summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8-sig"))
    except (OSError, ValueError):
        summary = {}
    return {"exit": done.returncode, "seconds": seconds, "objective": summary.get("objective"),
            "gap": summary.get("gap"), "stopped_by": summary.get("stopped_by")}


def highs(model, limit):
    done, _ = run([sys.executable, os.path.join(here, "highs_solve.py"), model, str(limit), "0"])
    values = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    number = lambda key: float(values[key]) if values.get(key, "nan") != "nan" else None
    return {"status": values.get("status", "—"), "objective": number("objective"), "bound": number("bound"),
            "seconds": number("seconds")}


def fmt(x, digits=0):
    return "—" if x is None else f"{x:,.{digits}f}"


def pct(x):
    return "—" if x is None else f"{100 * x:.2f} %"


def main():
    exe, work, seeds, plan_limit, highs_limit = sys.argv[1:6]
    sizes = [int(s) for s in sys.argv[6:]]
    print("| officials | seed | person model rows × columns | HiGHS objective (bound, s) | plan, default gap: objective, gap, exit, s | plan --gap 0: objective, gap, exit, s |")
    print("|---:|---:|---|---|---|---|")
    for size in sizes:
        for seed in seeds.split():
            folder = os.path.join(work, f"{size}-{seed}")
            scenario = os.path.join(folder, "province", "baseline.yaml")
            run([exe, "generate", "--officials", str(size), "--seed", seed, "--out", os.path.join(folder, "province")])
            model = os.path.join(folder, "person.mps")
            export, export_seconds = run([exe, "export-model", scenario, "--form", "person", "--format", "mps", "--out", model, "--quiet"])
            rows = columns = None
            if export.returncode == 0:
                with open(model) as f:
                    for line in f:
                        if line.startswith("* Rows:"):
                            rows = int(line.split()[2])
                        elif line.startswith("* Columns:"):
                            columns = int(line.split()[2])
                            break
                h = highs(model, highs_limit)
            else:
                h = {"status": "export failed", "objective": None, "bound": None, "seconds": None}
            default = plan(exe, scenario, os.path.join(folder, "out-default"), plan_limit, None)
            exact = plan(exe, scenario, os.path.join(folder, "out-gap0"), plan_limit, 0)
            status = "optimal" if h["status"] == "Optimal" else h["status"]
            print(f"| {size:,} | {seed} | {fmt(rows)} × {fmt(columns)} | {fmt(h['objective'])} ({fmt(h['bound'], 1)}, {fmt(h['seconds'], 1)} s, {status}) "
                  f"| {fmt(default['objective'])}, {pct(default['gap'])}, {default['exit']}, {default['seconds']:.1f} "
                  f"| {fmt(exact['objective'])}, {pct(exact['gap'])}, {exact['exit']}, {exact['seconds']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
