#!/usr/bin/env python3
"""Solves an MPS file with HiGHS (highspy) and prints what compare_solvers.sh reads.

usage: highs_solve.py MODEL.mps TIME_LIMIT [MIP_REL_GAP] [--log FILE]

Prints, one per line: status, objective, bound (the MIP dual bound), gap (relative, as a fraction),
seconds (HiGHS's own run time, reading excluded), read_seconds. Exit 0 when HiGHS ran, whatever it
found; 3 when highspy is missing or the model could not be read.
"""
import math
import sys
import time


def main():
    args = [a for a in sys.argv[1:]]
    log = None
    if "--log" in args:
        i = args.index("--log")
        log = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        sys.exit(__doc__)
    path, limit = args[0], float(args[1])
    gap = float(args[2]) if len(args) > 2 else 0.001
    try:
        import highspy
    except ImportError as e:
        print(f"error: highspy not installed ({e}); pip install highspy")
        sys.exit(3)
    h = highspy.Highs()
    h.setOptionValue("output_flag", log is not None)
    if log is not None:
        h.setOptionValue("log_to_console", False)
        h.setOptionValue("log_file", log)
    h.setOptionValue("time_limit", limit)
    h.setOptionValue("mip_rel_gap", gap)
    started = time.monotonic()
    status = h.readModel(path)
    read_seconds = time.monotonic() - started
    if status == highspy.HighsStatus.kError:
        print(f"error: HiGHS could not read {path}")
        sys.exit(3)
    started = time.monotonic()
    h.run()
    seconds = time.monotonic() - started
    info = h.getInfo()
    model_status = h.modelStatusToString(h.getModelStatus())
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible

    def show(x):
        return "nan" if x is None or not math.isfinite(x) else repr(float(x))

    print(f"version: {h.version()}")
    print(f"status: {model_status}")
    print(f"objective: {show(info.objective_function_value if has_solution else None)}")
    print(f"bound: {show(info.mip_dual_bound)}")
    print(f"gap: {show(info.mip_gap if has_solution else None)}")
    print(f"seconds: {seconds:.3f}")
    print(f"read_seconds: {read_seconds:.3f}")
    print(f"nodes: {info.mip_node_count}")


if __name__ == "__main__":
    main()
