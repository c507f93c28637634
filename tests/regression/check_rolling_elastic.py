#!/usr/bin/env python3
"""Verify elastic rolling without slip
(scenarios/verification/rolling_elastic_plane_strain.prm).

Usage: check_rolling_elastic.py RUN_DIR [--tol 0.02]
Over the second half of the rolling phase (past the start-up transient):
the vertical force stays within tol of its mean, the net horizontal force
is zero within tol of the vertical force, |force_x| <= tol force_z, and
the tip has turned by (distance rolled) / R (tip_rotation) to 1e-9.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("run_dir")
    parser.add_argument("--tol", type=float, default=0.02)
    args = parser.parse_args()
    h, _ = load_history(args.run_dir)
    R = float_parameter(load_run_info(args.run_dir), "Tip/sphere/Radius")
    roll = max(h["phase"])
    rows = [i for i, p in enumerate(h["phase"]) if p == roll]
    x0, x1 = h["tip_x"][rows[0] - 1], h["tip_x"][rows[-1]]
    steady = [i for i in rows if h["tip_x"][i] - x0 >= 0.5 * (x1 - x0)]
    fz = [h["force_z"][i] for i in steady]
    mean = sum(fz) / len(fz)
    ok = len(steady) >= 5
    for i in steady:
        dz = abs(h["force_z"][i] - mean) / mean
        rx = abs(h["force_x"][i]) / h["force_z"][i]
        turn = abs(h["tip_rotation"][i] - (h["tip_x"][i] - x0) / R)
        good = dz <= args.tol and rx <= args.tol and turn <= 1e-9
        ok &= good
        print(f"tip_x = {h['tip_x'][i]:.5f} m: F_z = {h['force_z'][i]:.5g} "
              f"N/m ({100 * dz:.3f} % from the mean {mean:.5g}), "
              f"|F_x|/F_z = {100 * rx:.3f} %, rotation "
              f"{h['tip_rotation'][i]:.5f} rad, slip fraction "
              f"{h['slip_fraction'][i]:.3f}{'' if good else '  <-- FAIL'}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
