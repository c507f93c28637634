#!/usr/bin/env python3
"""Verify a pivoted tip settles where the moment about its pivot vanishes
(scenarios/verification/pivot_flat_punch_plane_strain.prm).

Usage: check_pivot.py PIVOT_RUN FLAT_RUN [--tilt 1e-3] [--rel 0.01]
PIVOT_RUN starts tilted by Tip/Tilt angle with Tip/Pivot = true; FLAT_RUN
is the same punch pressed untilted without a pivot. Checks at the end of
the pivot run: |tip_tilt| <= --tilt rad (the punch has turned flat),
|moment_y| <= 1e-3 force_z x Pivot height, |force_x| <= 1e-2 force_z, and
force_z within --rel of the flat run's final force_z.
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa
from check_report import report  # noqa


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pivot_run")
    parser.add_argument("flat_run")
    parser.add_argument("--tilt", type=float, default=1e-3)
    parser.add_argument("--rel", type=float, default=0.01)
    args = parser.parse_args()
    p, _ = load_history(args.pivot_run)
    f, _ = load_history(args.flat_run)
    info = load_run_info(args.pivot_run)
    start = math.radians(float_parameter(info, "Tip/Tilt angle"))
    height = float_parameter(info, "Tip/Pivot height")
    tilt, moment = p["tip_tilt"][-1], p["moment_y"][-1]
    fz, fx, flat = p["force_z"][-1], p["force_x"][-1], f["force_z"][-1]
    checks = [
        (f"tilt {p['tip_tilt'][0]:.5f} -> {tilt:.3e} rad (start "
         f"{start:.5f}), |tilt| <= {args.tilt}",
         abs(p["tip_tilt"][0] - start) < 1e-12 and abs(tilt) <= args.tilt),
        (f"|moment_y| = {abs(moment):.3e} N <= 1e-3 F_z h = "
         f"{1e-3 * fz * height:.3e}", abs(moment) <= 1e-3 * fz * height),
        (f"|force_x| / force_z = {abs(fx) / fz:.3e} <= 1e-2",
         abs(fx) <= 1e-2 * fz),
        (f"force_z {fz:.6g} N/m vs flat punch {flat:.6g} N/m: "
         f"{100 * abs(fz / flat - 1):.3f} % <= {100 * args.rel} %",
         abs(fz / flat - 1) <= args.rel),
    ]
    return report(checks)


if __name__ == "__main__":
    sys.exit(main())
