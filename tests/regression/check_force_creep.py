#!/usr/bin/env python3
"""Verify force-controlled creep of a viscoelastic sphere contact
(scenarios/verification/force_creep_axisymmetric.prm) against Lee-Radok in
its creep form (physics.md section 4, case 6; valid while the contact
radius grows, as it does under a constant load).

Usage: check_force_creep.py RUN_DIR [--tol 0.02]
With psi = d^(3/2) and C = 3 (1 - nu) / (8 sqrt(R)),
  int_0^t G(t - s) dpsi(s) = C F(t),  G(t) = G_inf + sum_i G_i e^(-t/tau_i),
solved for psi(t) with the run's own force history F(t) (piecewise linear
between its steps) by the exact internal-variable recursion on a fine
subdivision. Checks, at every step of the hold: the force equals the
target within the force tolerance, psi(t)/psi(t_R) against the predicted
ratio within tol (t_R the end of the force ramp), and prints the ratio of
the absolute depths.
Reads E, nu, the Prony terms, R and the force tolerance from run.json.
"""

import argparse
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import (float_parameter, load_history,  # noqa
                              load_run_info, parameter)


def predicted_psi(times, forces, G_inf, G, tau, C, n_sub=50):
    """psi at each time of (times, forces), forces linear in between."""
    h = [0.0] * len(G)
    psi = 0.0
    out = [0.0]
    for k in range(1, len(times)):
        t0, t1 = times[k - 1], times[k]
        for j in range(n_sub):
            dt = (t1 - t0) / n_sub
            F = forces[k - 1] + (forces[k] - forces[k - 1]) * (j + 1) / n_sub
            e = [math.exp(-dt / ti) for ti in tau]
            g = [(1 - ei) * ti / dt for ei, ti in zip(e, tau)]
            # C F = G_inf psi_new + sum [e h + g G (psi_new - psi)]
            num = C * F - sum(ei * hi for ei, hi in zip(e, h)) + \
                sum(gi * Gi for gi, Gi in zip(g, G)) * psi
            new = num / (G_inf + sum(gi * Gi for gi, Gi in zip(g, G)))
            h = [ei * hi + gi * Gi * (new - psi)
                 for ei, hi, gi, Gi in zip(e, h, g, G)]
            psi = new
        out.append(psi)
    return out


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
    ftol = float_parameter(info, "Protocol/Force tolerance")
    target = float(parameter(info, "Protocol/Phases").split(";")[-1].split()[2])
    G_inf = E / (2 * (1 + nu))
    C = 3 * (1 - nu) / (8 * math.sqrt(R))

    cols, _ = load_history(a.run_dir)
    t, d, F, phase = (cols["time"], cols["depth"], cols["force_z"],
                      cols["phase"])
    psi_pred = predicted_psi(t, F, G_inf, G, tau, C)
    hold = [i for i in range(len(t)) if phase[i] == 1 and t[i] > 0]
    i_R = hold[0]
    worst_ratio = worst_force = 0.0
    for i in hold:
        worst_force = max(worst_force, abs(F[i] / target - 1))
        ratio_run = (d[i] / d[i_R]) ** 1.5
        ratio_pred = psi_pred[i] / psi_pred[i_R]
        worst_ratio = max(worst_ratio, abs(ratio_run / ratio_pred - 1))
    last = hold[-1]
    print(f"hold: {len(hold)} steps; depth {d[i_R]:.5g} -> {d[last]:.5g} m "
          f"(predicted {psi_pred[i_R] ** (2 / 3):.5g} -> "
          f"{psi_pred[last] ** (2 / 3):.5g} m); creep ratio worst error "
          f"{100 * worst_ratio:.2f} %; force worst relative error "
          f"{worst_force:.2e} (tolerance {ftol:g})")
    if worst_force > 1.01 * ftol:
        print("FAIL: the force left its target")
        sys.exit(1)
    if worst_ratio > a.tol:
        print("FAIL: the creep does not follow Lee-Radok")
        sys.exit(1)
    print("PASS")


if __name__ == "__main__":
    main()
