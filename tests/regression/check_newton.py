#!/usr/bin/env python3
"""Newton converges quadratically and in few iterations.

Usage: check_newton.py RUN_DIR [--max-iterations 12] [--max-mean 6]
                       [--min-order 1.6]
Reads RUN_DIR/log.txt, where each Newton iteration is logged as
"newton k: |R| r_k N -> r_k+1 N, step alpha, ...", and splits it into
Newton solves (a new solve starts at iteration 1). For every solve, the
order q = ln(r_k+1 / r_k) / ln(r_k / r_k-1) of each pair of consecutive
full steps (alpha = 1) that both reduce the residual is computed and the
largest kept: quadratic convergence shows q ~ 2 once Newton is close, while
pairs that end on the round-off floor show less.
Requires: every solve <= max-iterations, mean <= max-mean, median
terminal order >= min-order (2 for exact quadratic convergence).
"""

import argparse
import math
import os
import re
import statistics
import sys

LINE = re.compile(r"newton (\d+): \|R\| (\S+) N -> (\S+) N, step (\S+),")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_dir")
    p.add_argument("--max-iterations", type=int, default=12)
    p.add_argument("--max-mean", type=float, default=6.0)
    p.add_argument("--min-order", type=float, default=1.6)
    a = p.parse_args()
    solves = []
    with open(os.path.join(a.run_dir, "log.txt")) as f:
        for line in f:
            m = LINE.search(line)
            if not m:
                continue
            k, r0, r1, alpha = (int(m[1]), float(m[2]), float(m[3]),
                                float(m[4]))
            if k == 1:
                solves.append([])
            solves[-1].append((r0, r1, alpha))
    if not solves:
        print("FAIL: no Newton iteration in log.txt")
        return 1
    counts = [len(s) for s in solves]
    orders = []
    for s in solves:
        best = None
        for (ra, rb, al_a), (_, rc, al_b) in zip(s, s[1:]):
            if al_a == 1 and al_b == 1 and 0 < rc < rb < ra:
                q = math.log(rc / rb) / math.log(rb / ra)
                best = q if best is None else max(best, q)
        if best is not None:
            orders.append(best)
    median = statistics.median(orders) if orders else float("nan")
    mean = sum(counts) / len(counts)
    print(f"{len(solves)} Newton solves: iterations max {max(counts)}, mean "
          f"{mean:.2f}; best order median {median:.2f} over "
          f"{len(orders)} solves (min {min(orders, default=float('nan')):.2f})")
    failures = []
    if max(counts) > a.max_iterations:
        failures.append(f"a solve took {max(counts)} iterations")
    if mean > a.max_mean:
        failures.append(f"mean {mean:.2f} iterations")
    if not orders or median < a.min_order:
        failures.append(f"median best order {median:.2f} < {a.min_order}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
