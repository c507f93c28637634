#!/usr/bin/env python3
"""Summarise benchmarks/indentation_scaling.sh: reads OUT/refine<r>/log.txt.

Usage: indentation_scaling.py OUT r1 r2 ...
"""

import math
import re
import sys

NEWTON = re.compile(r"newton \d+: .* linear (\d+) its \(setup (\S+) s, "
                    r"solve (\S+) s\), assembly (\S+) s")


def main():
    out, sizes = sys.argv[1], sys.argv[2:]
    rows = []
    print(f"{'dofs':>9} {'ranks':>5} {'newton':>6} {'lin/solve':>9} "
          f"{'assembly':>9} {'setup':>8} {'solve':>8} {'total/it':>9} "
          f"{'peak MB':>8}")
    for r in sizes:
        text = open(f"{out}/refine{r}/log.txt").read()
        dofs = int(re.search(r"(\d+) degrees of freedom", text)[1])
        ranks = int(re.search(r"(\d+) MPI ranks", text)[1])
        its = [tuple(map(float, m)) for m in NEWTON.findall(text)]
        mem = float(re.search(r"peak resident memory, all ranks: (\S+) MB",
                              text)[1])
        n = len(its)
        lin = sum(i[0] for i in its) / n
        setup = sum(i[1] for i in its) / n
        solve = sum(i[2] for i in its) / n
        assembly = sum(i[3] for i in its) / n
        total = setup + solve + assembly
        rows.append((dofs, total))
        print(f"{dofs:9d} {ranks:5d} {n:6d} {lin:9.1f} {assembly:9.2f} "
              f"{setup:8.2f} {solve:8.2f} {total:9.2f} {mem:8.0f}")
    if len(rows) >= 2:
        (n0, t0), (n1, t1) = rows[0], rows[-1]
        k = math.log(t1 / t0) / math.log(n1 / n0)
        print(f"cost per Newton iteration ~ dofs^{k:.2f} "
              f"(from {n0} to {n1} dofs)")


if __name__ == "__main__":
    main()
