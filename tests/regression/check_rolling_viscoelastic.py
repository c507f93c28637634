#!/usr/bin/env python3
"""Verify the viscoelastic rolling resistance against the standard-linear-
solid picture (scenarios/verification/rolling_viscoelastic_plane_strain.prm).

Usage: check_rolling_viscoelastic.py --fasciafe EXE --prm PRM --output DIR
           [--speeds 0.0002,0.004,0.08] [--ratio 2]
Runs PRM three times (DIR/slow, DIR/mid, DIR/fast), its last phase
replaced by `roll 1 L V` at the three speeds V [m/s]; with tau = 1 s and
a contact half width of about 2 mm the Deborah numbers V tau / (2 a)
(physics.md section 4, case 9, Hunter61) are about 0.05, 1 and 20.
The rolling resistance of a run is -force_x averaged over the last
quarter of its rolling stroke (in steady rolling). Checks: all three are
positive (the layer resists the motion); the middle speed (contact transit
time a / V about tau) has the largest, at least `--ratio` times those of
the slow and the fast run.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import load_history, load_run_info  # noqa
from check_report import report, run_with_phases  # noqa


def resistance(run_dir):
    h, _ = load_history(run_dir)
    roll = max(h["phase"])
    rows = [i for i, p in enumerate(h["phase"]) if p == roll]
    x0, x1 = h["tip_x"][rows[0] - 1], h["tip_x"][rows[-1]]
    tail = [i for i in rows if h["tip_x"][i] - x0 >= 0.75 * (x1 - x0)]
    fx = sum(-h["force_x"][i] for i in tail) / len(tail)
    fz = sum(h["force_z"][i] for i in tail) / len(tail)
    info = load_run_info(run_dir)
    speed = float(info["parameters"]["Protocol"]["Phases"]["value"]
                  .split(";")[-1].split()[3])
    return speed, fx, fz, info


def run(exe, prm, out, speed):
    """Run PRM with its roll phase at `speed`; return the run directory."""
    return run_with_phases(
        exe, prm, out, f"ramp 0.5 0.0005; hold 10; roll 1 0.008 {speed}",
        f"run at V = {speed} m/s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fasciafe", required=True)
    parser.add_argument("--prm", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--speeds", default="0.0002,0.004,0.08")
    parser.add_argument("--ratio", type=float, default=2.0)
    args = parser.parse_args()
    speeds = [float(v) for v in args.speeds.split(",")]
    names = ("slow", "mid", "fast")
    results = [resistance(run(args.fasciafe, args.prm,
                              os.path.join(args.output, n), v))
               for n, v in zip(names, speeds)]
    for (v, fx, fz, _), name in zip(results, names):
        print(f"{name}: V = {v:g} m/s, rolling resistance -F_x = {fx:.5g} "
              f"N/m, F_z = {fz:.5g} N/m, -F_x/F_z = {fx / fz:.5f}")
    (_, slow, _, _), (_, mid, _, _), (_, fast, _, _) = results
    checks = [
        ("all resistances > 0", min(slow, mid, fast) > 0),
        (f"middle >= {args.ratio} x slow ({mid / slow if slow else 0:.2f})",
         mid >= args.ratio * slow),
        (f"middle >= {args.ratio} x fast ({mid / fast if fast else 0:.2f})",
         mid >= args.ratio * fast),
    ]
    return report(checks)


if __name__ == "__main__":
    sys.exit(main())
