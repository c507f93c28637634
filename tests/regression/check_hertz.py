#!/usr/bin/env python3
"""Verify a rigid-sphere indentation against Hertz (physics.md section 4,
case 1): F = (4/3) E* sqrt(R) d^(3/2), a = sqrt(R d), E* = E / (1 - nu^2).

Usage: check_hertz.py RUN_DIR [--force-tol 0.03] [--radius-tol 0.05]
                      [--dmin 0.01] [--dmax 0.05]
Reads E, nu and R from RUN_DIR/run.json, the history from history.csv, and
checks every step with dmin <= d/R <= dmax. Prints a table; exits 1 on a
failure.
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_dir")
    p.add_argument("--force-tol", type=float, default=0.03)
    p.add_argument("--radius-tol", type=float, default=0.05)
    p.add_argument("--dmin", type=float, default=0.01)
    p.add_argument("--dmax", type=float, default=0.05)
    a = p.parse_args()

    info = load_run_info(a.run_dir)
    layer = "Tissue/Layer 1/neo-Hookean/"
    E = float_parameter(info, layer + "Young's modulus")
    nu = float_parameter(info, layer + "Poisson's ratio")
    R = float_parameter(info, "Tip/sphere/Radius")
    E_star = E / (1.0 - nu * nu)
    h, _ = load_history(a.run_dir)

    failures, checked = 0, 0
    print(f"Hertz check: E* = {E_star:g} Pa, R = {R:g} m")
    print("   d/R     F [N]     F_Hertz   F/F_H    a/a_H")
    for d, F, radius in zip(h["depth"], h["force_z"], h["contact_radius"]):
        if d <= 0 or not (a.dmin - 1e-9 <= d / R <= a.dmax + 1e-9):
            continue
        F_h = 4.0 / 3.0 * E_star * math.sqrt(R) * d ** 1.5
        a_h = math.sqrt(R * d)
        bad = (abs(F / F_h - 1) > a.force_tol
               or abs(radius / a_h - 1) > a.radius_tol)
        failures += bad
        checked += 1
        print(f"{d / R:7.4f} {F:9.4e} {F_h:9.4e} {F / F_h:7.4f} "
              f"{radius / a_h:7.4f}{'  FAIL' if bad else ''}")
    if checked == 0:
        print("no step with d/R in range: FAIL")
        return 1
    print(f"{checked} steps checked, {failures} outside "
          f"{a.force_tol:.0%} (force) / {a.radius_tol:.0%} (radius)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
