#!/usr/bin/env python3
"""Verify a flat cylindrical punch against F = 2 a E* d (physics.md
section 4, case 3), E* = E / (1 - nu^2), at every step with d > 0.

Usage: check_flat_punch.py RUN_DIR [--force-tol 0.03]
Reads E, nu and a from RUN_DIR/run.json. Exits 1 on a failure.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_dir")
    p.add_argument("--force-tol", type=float, default=0.03)
    a = p.parse_args()
    info = load_run_info(a.run_dir)
    layer = "Tissue/Layer 1/neo-Hookean/"
    E = float_parameter(info, layer + "Young's modulus")
    nu = float_parameter(info, layer + "Poisson's ratio")
    radius = float_parameter(info, "Tip/flat punch/Radius")
    E_star = E / (1.0 - nu * nu)
    h, _ = load_history(a.run_dir)
    failures, checked = 0, 0
    print(f"flat punch check: E* = {E_star:g} Pa, a = {radius:g} m")
    print("       d [m]     F [N]   F_exact   F/F_ex")
    for d, F in zip(h["depth"], h["force_z"]):
        if d <= 0:
            continue
        F_ex = 2.0 * radius * E_star * d
        bad = abs(F / F_ex - 1) > a.force_tol
        failures += bad
        checked += 1
        print(f"{d:12.4e} {F:9.4e} {F_ex:9.4e} {F / F_ex:7.4f}"
              f"{'  FAIL' if bad else ''}")
    if checked == 0:
        print("no loaded step: FAIL")
        return 1
    print(f"{checked} steps checked, {failures} outside {a.force_tol:.0%}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
