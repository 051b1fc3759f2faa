#!/usr/bin/env python3
"""Turns the JSON records of run.sh (one per province size) into one Markdown table.

usage: report.py RECORDS.jsonl   -> prints the table, then notes (one per line, starting with "- ")
"""
import json
import sys

DASH = "—"


def num(value, fmt):
    if value is None:
        return DASH
    try:
        return fmt.format(float(value))
    except (TypeError, ValueError):
        return str(value)


def row(rec):
    plan = rec.get("plan", {})
    summary = plan.get("summary") or {}
    trace = plan.get("trace") or {}
    model = trace.get("model") or {}
    first = trace.get("first_plan") or {}
    officials = rec.get("officials_generated") or rec.get("size")
    requested = rec.get("size")
    label = f"{officials:,}".replace(",", " ") if isinstance(officials, int) else str(officials)
    if isinstance(officials, int) and isinstance(requested, int) and officials != requested:
        label += f" (asked {requested})"
    status = summary.get("status") or "none"
    rc = plan.get("exit_code")
    extra = []
    if "killed_after_s" in plan:
        status = "killed"
        extra.append(f"stopped by HARD_LIMIT after {plan['killed_after_s']:.0f} s")
    if plan.get("signal"):
        extra.append(f"signal {plan['signal']}")
    if rc not in (None, 0):
        extra.append(f"exit {rc}")
    if extra:
        status += " (" + ", ".join(extra) + ")"
    if not summary:
        status += "; no summary.json"
    return [
        label,
        num(summary.get("variables"), "{:.0f}"),
        num(summary.get("constraints"), "{:.0f}"),
        num(model.get("since_start_s"), "{:.2f}"),
        num(plan.get("wall_s"), "{:.1f}"),
        num(summary.get("objective"), "{:.1f}"),
        num(summary.get("gap") * 100 if isinstance(summary.get("gap"), (int, float)) else None, "{:.2f}%"),
        num(plan.get("peak_mb"), "{:.0f}"),
        status,
        num(rec.get("generate", {}).get("wall_s"), "{:.2f}"),
        num(first.get("since_start_s"), "{:.1f}"),
        num(summary.get("seconds"), "{:.1f}"),
    ]


HEADER = ["officials", "variables", "rows", "read+build s", "total s", "objective", "gap", "peak MB", "status",
          "generate s", "first plan s", "solve s"]


def main():
    records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    print("| " + " | ".join(HEADER) + " |")
    print("|" + "|".join("---:" if h not in ("status",) else "---" for h in HEADER) + "|")
    for rec in records:
        print("| " + " | ".join(row(rec)) + " |")
    print()
    for rec in records:
        plan = rec.get("plan", {})
        gen = rec.get("generate", {})
        size = rec.get("size")
        if gen.get("exit_code") not in (None, 0):
            print(f"- {size}: generate exited {gen.get('exit_code')}: {' '.join(gen.get('stderr_tail', []))}")
        if plan.get("exit_code") not in (None, 0, 2):
            tail = " / ".join(plan.get("stderr_tail", []) or plan.get("stdout_tail", []))
            print(f"- {size}: plan exited {plan.get('exit_code')}: {tail} (log: {rec.get('log')})")
        model = (plan.get("trace") or {}).get("model")
        if model:
            print(f"- {size}: trace `model: {model['text']}` at {model['trace_s']:.3f} s on the planner's clock")
        if plan.get("summary_error"):
            print(f"- {size}: summary.json unreadable: {plan['summary_error']}")


if __name__ == "__main__":
    main()
