#!/usr/bin/env python3
"""Runs one `cadreplan plan` under `/usr/bin/time -v` with CADREPLAN_TRACE=1 and prints one JSON record.

Used by run.sh and compare_solvers.sh. Every line cadreplan writes to standard error is kept in
LOG (with the wall-clock second, from process start, at which it arrived), so a run that fails or
overruns can be read afterwards. Nothing here depends on the planner's internals beyond:
  * summary.json in the output folder (contract keys),
  * trace lines "[ x.xxxs] model: ..." / "heuristics: objective ..." / "integer: ..." (CADREPLAN_TRACE).

usage: bench_plan.py CADREPLAN SCENARIO OUTDIR LOG TIME_LIMIT [GAP]

env HARD_LIMIT (seconds, default max(1800, 20 x TIME_LIMIT)): the process group is ended (TERM, then
KILL 10 s later) when the run is still going by then, and the record says so ("killed_after_s").
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

TRACE = re.compile(r"^\[\s*([0-9.]+)s\]\s+(\w+):\s*(.*)$")


def parse_time_v(text):
    """Peak RSS (MB), wall seconds, user+sys seconds, exit status from GNU time -v output."""
    out = {}
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", text)
    if m:
        out["peak_mb"] = int(m.group(1)) / 1024.0
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([0-9:.]+)", text)
    if m:
        secs = 0.0
        for part in m.group(1).split(":"):
            secs = secs * 60 + float(part)
        out["wall_s"] = secs
    user = re.search(r"User time \(seconds\):\s*([0-9.]+)", text)
    system = re.search(r"System time \(seconds\):\s*([0-9.]+)", text)
    if user and system:
        out["cpu_s"] = float(user.group(1)) + float(system.group(1))
    m = re.search(r"Exit status:\s*(\d+)", text)
    if m:
        out["time_exit"] = int(m.group(1))
    m = re.search(r"Command terminated by signal (\d+)", text)
    if m:
        out["signal"] = int(m.group(1))
    return out


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    exe, scenario, outdir, log_path, limit = sys.argv[1:6]
    gap = sys.argv[6] if len(sys.argv) > 6 else "0.001"
    fd, time_file = tempfile.mkstemp(prefix="time-v-", suffix=".txt")
    os.close(fd)
    cmd = ["/usr/bin/time", "-v", "-o", time_file, exe, "plan", scenario, "--out", outdir,
           "--force", "--time-limit", str(limit), "--gap", str(gap)]
    env = dict(os.environ, CADREPLAN_TRACE="1")
    summary_path = os.path.join(outdir, "summary.json")
    if os.path.exists(summary_path):
        os.unlink(summary_path)  # never report a summary left by an earlier run
    stdout_file = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    record = {"command": " ".join(cmd), "trace": {}}
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=stdout_file, stderr=subprocess.PIPE, env=env, text=True,
                            encoding="utf-8", errors="replace", start_new_session=True)
    hard = float(os.environ.get("HARD_LIMIT") or max(1800.0, 20 * float(limit)))

    def stop():
        # TERM the planner itself (the child of /usr/bin/time), so time still reports its peak memory;
        # then KILL the whole group this script started if anything is left.
        record["killed_after_s"] = time.monotonic() - started
        try:
            with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
                children = [int(c) for c in f.read().split()]
        except OSError:
            children = []
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    timer = threading.Timer(hard, stop)
    timer.daemon = True
    timer.start()
    trace = record["trace"]
    other = []  # the last lines on standard error that are not trace lines (errors, warnings)
    with open(log_path, "w", encoding="utf-8") as log:
        log.write("# " + " ".join(cmd) + "\n")
        for line in proc.stderr:
            arrived = time.monotonic() - started
            log.write(f"{arrived:9.3f} {line}")
            log.flush()
            m = TRACE.match(line.strip())
            if not m:
                if line.strip():
                    other.append(line.strip())
                    del other[:-5]
                continue
            at, phase, rest = float(m.group(1)), m.group(2), m.group(3)
            # The trace clock starts when the planner starts building (after the scenario is read);
            # the arrival clock starts with the process, so it includes reading the files.
            if phase == "model" and "model" not in trace:
                trace["model"] = {"trace_s": at, "since_start_s": arrived, "text": rest}
            elif phase == "heuristics" and "first_plan" not in trace:
                trace["first_plan"] = {"trace_s": at, "since_start_s": arrived, "text": rest}
            elif phase == "integer":
                trace.setdefault("integer", []).append({"trace_s": at, "text": rest})
            elif phase == "columns":
                trace["column_rounds"] = trace.get("column_rounds", 0) + 1
                trace["last_columns"] = {"trace_s": at, "text": rest}
        rc = proc.wait()
        timer.cancel()
        stdout_file.seek(0)
        stdout = stdout_file.read()
        log.write("# stdout:\n" + stdout)
    record["exit_code"] = rc
    record["stderr_tail"] = other
    record["stdout_tail"] = stdout.strip().splitlines()[-3:]
    try:
        with open(time_file, encoding="utf-8", errors="replace") as f:
            tv = f.read()
        record.update(parse_time_v(tv))
        with open(log_path, "a", encoding="utf-8") as log:
            log.write("# /usr/bin/time -v:\n" + tv)
    finally:
        os.unlink(time_file)
    if os.path.exists(summary_path):
        try:
            with open(summary_path, encoding="utf-8-sig") as f:
                record["summary"] = json.load(f)
        except (OSError, ValueError) as e:
            record["summary_error"] = str(e)
    print(json.dumps(record))


if __name__ == "__main__":
    main()
