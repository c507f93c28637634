#!/usr/bin/env python3
"""Verify a viscoelastic sphere ramp-and-hold against Lee-Radok
(physics.md section 4, case 6; valid while the contact radius does not
shrink, i.e. in a hold at constant depth).

Usage: check_lee_radok.py RUN_DIR [--tol 0.02]
For a depth history d(t), Lee and Radok give
  F(t) = 8 sqrt(R) / (3 (1 - nu)) int_0^t G(t - s) d/ds [d(s)^(3/2)] ds,
G(t) = G_inf + sum_i G_i exp(-t / tau_i), for incompressible (here
nu = 0.499) material. The run's depth history (piecewise linear in d, as
the protocol prescribes) is integrated exactly per sub-interval with a
fine subdivision. Checks F(t) / F(t_R) against the same ratio of the
integral at every hold step (t >= t_R, the end of the first phase), within
tol; also prints the ratio to the absolute Lee-Radok force.
Reads E, nu, the Prony terms and R from run.json.
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import (float_parameter, load_history,  # noqa
                              load_run_info, parameter)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_dir")
    p.add_argument("--tol", type=float, default=0.02)
    a = p.parse_args()
    info = load_run_info(a.run_dir)
    m = "Tissue/Layer 1/viscoelastic neo-Hookean/"
    E = float_parameter(info, m + "Young's modulus")
    nu = float_parameter(info, m + "Poisson's ratio")
    G = [float(x) for x in parameter(info, m + "Prony shear moduli").split(",")]
    tau = [float(x) for x in
           parameter(info, m + "Prony relaxation times").split(",")]
    R = float_parameter(info, "Tip/sphere/Radius")
    G_inf = E / (2 * (1 + nu))
    h, _ = load_history(a.run_dir)
    times, depths, forces = h["time"], h["depth"], h["force_z"]

    def relax(t):
        return G_inf + sum(g * math.exp(-t / s) for g, s in zip(G, tau))

    def lee_radok(t):
        # d(s)^(3/2) from the history's piecewise-linear depth, midpoint
        # rule on 200 sub-steps per history step (smooth integrand).
        total = 0.0
        for k in range(1, len(times)):
            t0, t1 = times[k - 1], times[k]
            if t0 >= t:
                break
            d0, d1 = depths[k - 1], depths[k]
            n = 200
            for j in range(n):
                sa = t0 + (t1 - t0) * j / n
                sb = t0 + (t1 - t0) * (j + 1) / n
                da = max(d0 + (d1 - d0) * (sa - t0) / (t1 - t0), 0.0)
                db = max(d0 + (d1 - d0) * (sb - t0) / (t1 - t0), 0.0)
                total += relax(t - 0.5 * (sa + sb)) * (db ** 1.5 - da ** 1.5)
        return 8 * math.sqrt(R) / (3 * (1 - nu)) * total

    t_R = float(parameter(info, "Protocol/Table").split(";")[1].split()[0])
    k_R = min(range(len(times)), key=lambda k: abs(times[k] - t_R))
    F_R, L_R = forces[k_R], lee_radok(times[k_R])
    worst, failures = 0.0, 0
    print("     t [s]   F/F(t_R)   LR/LR(t_R)   diff    F/LR")
    for t, F in zip(times[k_R:], forces[k_R:]):
        L = lee_radok(t)
        diff = (F / F_R) / (L / L_R) - 1
        worst = max(worst, abs(diff))
        failures += abs(diff) > a.tol
        print(f"{t:10.4f} {F / F_R:9.5f} {L / L_R:11.5f} {diff:8.4f} "
              f"{F / L:7.4f}{'  FAIL' if abs(diff) > a.tol else ''}")
    print(f"largest relative difference {worst:.4f} (tolerance {a.tol})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
