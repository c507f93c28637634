#!/usr/bin/env python3
"""Verify Coulomb friction of a sliding tip
(scenarios/verification/friction_sliding_plane_strain.prm).

Usage: check_friction_sliding.py RUN_DIR [--tol 0.02]
Over the sliding phase, after the tip has moved `--settle` (default
1 mm) from where the slide started, every step must have
  | |F_T| / |F_N| - mu | <= tol mu    (Coulomb: |F_T| = mu F_N),
with F_T = friction_force (the tangential resultant) and F_N = force -
F_T (the normal one), every contact point slipping (slip_fraction = 1)
and the friction force opposing the motion (friction_force_x < 0 while
tip_x grows); and the mean of -force_x / force_z over those steps must
equal mu within tol (step by step it swings by a few per cent as the
punch's rounded edges, whose normals tilt, cross the element nodes).
mu is read from run.json (Contact/Friction coefficient).
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("run_dir")
    parser.add_argument("--tol", type=float, default=0.02)
    parser.add_argument("--settle", type=float, default=0.001)
    args = parser.parse_args()
    h, _ = load_history(args.run_dir)
    mu = float_parameter(load_run_info(args.run_dir),
                         "Contact/Friction coefficient")
    slide_phase = max(h["phase"])
    rows = [i for i, p in enumerate(h["phase"]) if p == slide_phase]
    x0 = h["tip_x"][rows[0] - 1]
    ok = True
    ratios = []
    for i in rows:
        if h["tip_x"][i] - x0 < args.settle:
            continue
        tx, tz = h["friction_force_x"][i], h["friction_force_z"][i]
        nx, nz = h["force_x"][i] - tx, h["force_z"][i] - tz
        coulomb = math.hypot(tx, tz) / math.hypot(nx, nz)
        error = abs(coulomb - mu) / mu
        good = (error <= args.tol and h["slip_fraction"][i] == 1.0
                and tx < 0.0)
        ok &= good
        ratios.append(-h["force_x"][i] / h["force_z"][i])
        print(f"t = {h['time'][i]:.3f} s, tip_x = {h['tip_x'][i]:.5f} m: "
              f"F_z = {h['force_z'][i]:.5g} N/m, |F_T|/|F_N| = "
              f"{coulomb:.6f} (mu = {mu}, error {100 * error:.3f} %), "
              f"-F_x/F_z = {ratios[-1]:.5f}, slip fraction "
              f"{h['slip_fraction'][i]:.3f}{'' if good else '  <-- FAIL'}")
    if len(ratios) < 5:
        print(f"only {len(ratios)} sliding steps past {args.settle} m")
        return 1
    mean = sum(ratios) / len(ratios)
    good = abs(mean - mu) <= args.tol * mu
    ok &= good
    print(f"mean -F_x/F_z over {len(ratios)} steps = {mean:.5f} (mu = {mu}, "
          f"error {100 * abs(mean - mu) / mu:.3f} %)"
          f"{'' if good else '  <-- FAIL'}")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
