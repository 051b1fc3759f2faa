#!/usr/bin/env python3
"""Reads the logs compare_solvers.sh left in WORK and prints the side-by-side table and its notes.

usage: parse_solvers.py WORK SECONDS EXPORT_EXIT_CODE

Objective and bound are the primary objective (weighted shortfall, minimised). For the MPS solvers
the bound is a bound on the exported restricted master problem (only the columns generated); for
cadreplan it is its Lagrangian bound over every course sequence.
"""
import json
import math
import os
import re
import sys

DASH = "—"
NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|[-+]?inf)"


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def time_v(path):
    text = read(path) or ""
    out = {}
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([0-9:.]+)", text)
    if m:
        s = 0.0
        for p in m.group(1).split(":"):
            s = s * 60 + float(p)
        out["wall"] = s
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", text)
    if m:
        out["peak_mb"] = int(m.group(1)) / 1024
    return out


def rel_gap(obj, bound):
    if obj is None or bound is None or not (math.isfinite(obj) and math.isfinite(bound)):
        return None
    return abs(obj - bound) / max(1e-9, abs(obj)) if obj != 0 or bound != 0 else 0.0


def fnum(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def glpsol(work):
    log = read(os.path.join(work, "glpsol.log"))
    if log is None:
        return None, "no log"
    r = {}
    # progress lines: "+  1234: mip =   8.57e+02 >=   7.55e+02  11.8% (..)", ">>>>>" marks a new incumbent,
    # "mip = not found yet >= -inf"; the last one holds the final incumbent and bound.
    lines = re.findall(r"^\+\s*\d+:\s*(?:mip =|>>>>>)\s*(not found yet|" + NUM + r")\s*>=\s*(" + NUM +
                       r"|tree is empty)", log, re.M)
    if lines:
        inc, _, bnd, _ = lines[-1]
        r["objective"] = None if inc == "not found yet" else fnum(inc)
        r["bound"] = None if bnd == "tree is empty" else fnum(bnd)
        if bnd == "tree is empty" and r["objective"] is not None:
            r["bound"] = r["objective"]  # search completed
    sol = read(os.path.join(work, "glpsol.sol")) or ""
    m = re.search(r"^Status:\s*(.+)$", sol, re.M)
    if m:
        r["status"] = m.group(1).strip()
    m = re.search(r"^Objective:\s*\S+\s*=\s*" + NUM, sol, re.M)
    if m and r.get("status", "").startswith("INTEGER") and "UNDEFINED" not in r.get("status", ""):
        r["objective"] = fnum(m.group(1))
    if "INTEGER OPTIMAL SOLUTION FOUND" in log and r.get("objective") is not None and r.get("bound") is None:
        r["bound"] = r["objective"]
    for marker, status in (("TIME LIMIT EXCEEDED", "time limit"), ("INTEGER OPTIMAL SOLUTION FOUND", "optimal"),
                           ("PROBLEM HAS NO INTEGER FEASIBLE SOLUTION", "infeasible")):
        if marker in log:
            r["status"] = status
    m = re.search(r"Time used:\s*" + NUM, log)
    if m:
        r["seconds"] = fnum(m.group(1))
    if "status" not in r and "objective" not in r:
        return r, "could not read glpsol's output: " + " / ".join(log.strip().splitlines()[-2:])
    return r, None


def cbc(work):
    log = read(os.path.join(work, "cbc.log"))
    if log is None:
        return None, "no log"
    r = {}
    m = re.search(r"^Result - (.+)$", log, re.M)
    if m:
        r["status"] = m.group(1).strip()
    m = re.search(r"^Objective value:\s*" + NUM, log, re.M)
    if m:
        r["objective"] = fnum(m.group(1))
    m = re.search(r"^Lower bound:\s*" + NUM, log, re.M)
    if m:
        r["bound"] = fnum(m.group(1))
    m = re.search(r"^Gap:\s*" + NUM, log, re.M)
    if m:
        r["gap"] = fnum(m.group(1))
    if r.get("status", "").startswith("Optimal") and r.get("objective") is not None and "bound" not in r:
        r["bound"] = r["objective"]
    if "objective" not in r:
        # "Partial search - best objective 821 (best possible 758.4)" when the summary block is missing
        m = re.search(r"best objective " + NUM + r" \(best possible " + NUM + r"\)", log)
        if m:
            r["objective"], r["bound"] = fnum(m.group(1)), fnum(m.group(2))
    if "No feasible solution found" in log or "No solution" in r.get("status", ""):
        r["objective"] = None
    m = re.search(r"Total time \(CPU seconds\):\s*" + NUM + r"\s*\(Wallclock seconds\):\s*" + NUM, log)
    if m:
        r["seconds"] = fnum(m.group(2))
    if not r:
        return r, "could not read cbc's output: " + " / ".join(log.strip().splitlines()[-2:])
    return r, None


def highs(work):
    log = read(os.path.join(work, "highs.log"))
    if log is None:
        return None, "no log"
    kv = dict(re.findall(r"^(\w+):\s*(.*)$", log, re.M))
    if "error" in kv:
        return {}, kv["error"]
    if "status" not in kv:
        return {}, "could not read highs_solve.py's output: " + " / ".join(log.strip().splitlines()[-2:])
    r = {"status": kv["status"], "objective": fnum(kv.get("objective")), "bound": fnum(kv.get("bound")),
         "gap": fnum(kv.get("gap")), "seconds": fnum(kv.get("seconds"))}
    for k in ("objective", "bound", "gap"):
        if r[k] is not None and math.isnan(r[k]):
            r[k] = None
    return r, None


def cadreplan(work):
    text = read(os.path.join(work, "cadreplan.json")) or "{}"
    try:
        rec = json.loads(text)
    except ValueError:
        return None, "bench_plan.py printed no record"
    s = rec.get("summary")
    if not s:
        tail = " / ".join(rec.get("stderr_tail") or [])
        return None, f"plan exited {rec.get('exit_code')} without summary.json: {tail}"
    obj, gap = s.get("objective"), s.get("gap")
    bound = None
    if isinstance(obj, (int, float)) and isinstance(gap, (int, float)):
        bound = obj * (1 - gap)  # relative gap = (objective - bound) / objective
    # summary.json has no bound; its gap is (objective - bound) / objective, so the bound follows.
    status = s.get("status", "?")
    if rec.get("exit_code") not in (None, 0):
        status += f" (exit {rec.get('exit_code')})"
    r = {"status": status, "objective": obj, "bound": bound, "gap": gap, "seconds": s.get("seconds"),
         "wall": rec.get("wall_s"), "peak_mb": rec.get("peak_mb"), "variables": s.get("variables"),
         "rows": s.get("constraints")}
    return r, None


def fmt(x, spec):
    return DASH if x is None else spec.format(x)


def main():
    work, secs, export_rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
    notes = []
    rows = []
    model = os.path.join(work, "model.mps")
    mps_head = ""
    try:
        with open(model, encoding="utf-8", errors="replace") as f:
            mps_head = "".join(next(f) for _ in range(6))
    except (OSError, StopIteration):
        pass
    m_rows = re.search(r"Rows:\s*(\d+)", mps_head)
    m_cols = re.search(r"Columns:\s*(\d+)\s*\((\d+) integer", mps_head)
    ex = time_v(os.path.join(work, "export.time"))
    if export_rc != 0 or not mps_head:
        err = (read(os.path.join(work, "export.err")) or "").strip().splitlines()[-3:]
        notes.append(f"export-model failed (exit {export_rc}): {' / '.join(err)}; the MPS solvers did not run")
    for name, label, parse in (("glpsol", "glpsol (GLPK, MPS)", glpsol), ("cbc", "CBC (MPS)", cbc),
                               ("highs", "HiGHS (highspy, MPS)", highs)):
        missing = read(os.path.join(work, name + ".missing"))
        if missing:
            rows.append([label] + [DASH] * 6)
            notes.append(f"{label}: {missing.strip()}")
            continue
        r, problem = parse(work)
        rc = (read(os.path.join(work, name + ".rc")) or "").strip()
        tv = time_v(os.path.join(work, name + ".time"))
        if not r:
            rows.append([label] + [DASH] * 6)
            notes.append(f"{label}: " + (f"did not run ({problem})" if r is None else f"failed: {problem}")
                         + (f"; exit code {rc}" if rc and rc != "0" else ""))
            continue
        if rc and rc != "0":
            notes.append(f"{label}: exit code {rc}" + (" (stopped by the hard time limit)" if rc in ("124", "137") else ""))
        if problem:
            notes.append(f"{label}: {problem}")
        elif r.get("objective") is None:
            notes.append(f"{label}: no integer solution found within the time limit (status: {r.get('status') or '?'})")
        # One definition for all: (objective - bound) / |objective|; the solver's own figure only when
        # one of the two is missing (CBC prints its gap rounded to two decimals).
        gap = rel_gap(r.get("objective"), r.get("bound"))
        if gap is None and r.get("objective") is not None:
            gap = r.get("gap")
        rows.append([label, fmt(r.get("objective"), "{:.1f}"), fmt(r.get("bound"), "{:.1f}"),
                     fmt(None if gap is None else gap * 100, "{:.2f}%"),
                     fmt(tv.get("wall", r.get("seconds")), "{:.1f}"), r.get("status") or DASH,
                     fmt(tv.get("peak_mb"), "{:.0f}")])
    r, problem = cadreplan(work)
    if r is None:
        rows.append(["cadreplan plan"] + [DASH] * 6)
        notes.append(f"cadreplan plan: {problem}")
    else:
        rows.append(["cadreplan plan", fmt(r["objective"], "{:.1f}"), fmt(r["bound"], "{:.1f}"),
                     fmt(None if r["gap"] is None else r["gap"] * 100, "{:.2f}%"),
                     fmt(r.get("wall"), "{:.1f}"), r["status"], fmt(r.get("peak_mb"), "{:.0f}")])
    out = ["| solver | objective | bound | gap | seconds | status | peak MB |", "|---|---:|---:|---:|---:|---|---:|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    print("\n".join(out))
    print()
    if m_rows and m_cols:
        notes.insert(0, f"exported model (MPS): {m_rows.group(1)} rows, {m_cols.group(1)} columns "
                        f"({m_cols.group(2)} integer); export-model took {fmt(ex.get('wall'), '{:.1f}')} s wall, "
                        f"peak {fmt(ex.get('peak_mb'), '{:.0f}')} MB")
    if r is not None:
        notes.append(f"cadreplan's own model: {r.get('variables')} variables, {r.get('rows')} rows; "
                     f"it solved for {fmt(r.get('seconds'), '{:.1f}')} s (summary.json `seconds`); its bound is "
                     "objective × (1 − gap), a bound over every course sequence")
    notes.append("seconds: wall clock of the whole process (reading the MPS included for the MPS solvers; "
                 "reading the scenario, column generation and writing the outputs included for cadreplan)")
    for n in notes:
        print("- " + n)


if __name__ == "__main__":
    main()
