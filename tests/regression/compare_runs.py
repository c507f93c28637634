#!/usr/bin/env python3
"""Compare history columns of two runs step by step.

Usage: compare_runs.py RUN_A RUN_B --column force_z [--column C ...]
                       --rel 1e-8 [--same-times] [--min-depth D] [--abs A]
Compares the steps at the times both runs share (phase ends are always
shared); with --same-times the runs must have identical time steps. For
every compared step with depth > D (default 0), |a - b| <= rel * max(|a|,
|b|) is required, or |a - b| <= A (default 0; for a column that is about
zero at some steps, such as a friction force before sliding). Prints the largest relative difference; exits 1 on a
failure or when no loaded step is shared.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import load_history  # noqa


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_a")
    p.add_argument("run_b")
    p.add_argument("--column", action="append",
                   help="history column (repeat for several; default "
                   "force_z)")
    p.add_argument("--rel", type=float, required=True)
    p.add_argument("--min-depth", type=float, default=0.0)
    p.add_argument("--same-times", action="store_true")
    p.add_argument("--abs", type=float, default=0.0)
    a = p.parse_args()
    ha, _ = load_history(a.run_a)
    hb, _ = load_history(a.run_b)
    if a.same_times and ha["time"] != hb["time"]:
        print(f"FAIL: the runs have different time steps:\n"
              f"  {ha['time']}\n  {hb['time']}")
        return 1
    failures = 0
    for column in a.column or ["force_z"]:
        failures += compare(ha, hb, column, a)
    return 1 if failures else 0


def compare(ha, hb, column, a):
    """Prints the comparison of @p column; returns 1 on a failure."""
    if column not in ha or column not in hb:
        print(f"FAIL: no history column '{column}'")
        return 1
    b_at = {t: x for t, x in zip(hb["time"], hb[column])}
    worst, failures, compared = 0.0, 0, 0
    print(f"{'time':>8} {'depth':>10} {column + ' A':>14} "
          f"{column + ' B':>14} {'rel diff':>10}")
    for t, d, x in zip(ha["time"], ha["depth"], ha[column]):
        if d <= a.min_depth or t not in b_at:
            continue
        y = b_at[t]
        compared += 1
        rel = abs(x - y) / max(abs(x), abs(y), 1e-300)
        bad = rel > a.rel and abs(x - y) > a.abs
        if max(abs(x), abs(y)) > a.abs:
            worst = max(worst, rel)
        failures += bad
        print(f"{t:8.4f} {d:10.3e} {x:14.8e} {y:14.8e} {rel:10.2e}"
              f"{'  FAIL' if bad else ''}")
    print(f"{column}: {compared} steps compared, largest relative difference"
          f"{' (of the values above the absolute tolerance)' if a.abs else ''} "
          f"{worst:.3e} (tolerance {a.rel:g}"
          f"{f', or {a.abs:g} absolute' if a.abs else ''})")
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
