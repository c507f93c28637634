#!/usr/bin/env python3
"""Verify rolling against sliding with Coulomb friction
(scenarios/verification/rolling_friction_plane_strain.prm).

Usage: check_rolling_friction.py --fasciafe EXE --prm PRM --output DIR
           [--length 0.002] [--tol 0.02] [--force F] [--set S=V]...
Runs PRM twice with its moving phase shortened to LENGTH [m]: DIR/roll
rolls the cylinder freely (Protocol/Rolling = free, the moment about its
axis zero), DIR/slide slides it without turning (`slide`). With friction
coefficient mu (Contact/Friction coefficient):
- free rolling: at every rolling step |F_x| <= tol F_z (no horizontal
  force is needed), part of the contact sticks (slip fraction < 1), and
  the cylinder has turned by the distance over R within 5 % at the end;
- sliding: at the end every contact point slips (slip fraction 1), the
  friction resultant over the normal one (the total force less its
  friction part) is mu within tol (relative; Coulomb's law at every
  point), and -F_x / F_z is mu within 2.5 tol (the normal pressure on the
  curved, dragged contact has a small horizontal part).
With --force F [N/m] both runs are force-controlled (`force-ramp 1 F`,
then the moving phase at the force F): the same checks, and F_z within
0.5 % of F at every moving step. --set options go to both runs (e.g. a
coarser mesh with refinement that follows the tip).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import float_parameter, load_history, load_run_info  # noqa
from check_report import report, run_with_phases  # noqa


def run(exe, prm, out, kind, length, force, sets):
    """Run PRM with its moving phase `kind 1 length 0.002`, after a ramp
    to 0.5 mm; with `force` > 0 both under force control at that force."""
    phases = (f"ramp 1 0.0005; {kind} 1 {length} 0.002" if force <= 0. else
              f"force-ramp 1 {force}; {kind} 1 {length} 0.002 {force}")
    run_with_phases(exe, prm, out, phases, f"the {kind} run", sets)
    h, _ = load_history(out)
    moving = max(h["phase"])
    rows = [i for i, ph in enumerate(h["phase"]) if ph == moving]
    return h, rows, load_run_info(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fasciafe", required=True)
    parser.add_argument("--prm", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--length", type=float, default=0.002)
    parser.add_argument("--tol", type=float, default=0.02)
    parser.add_argument("--force", type=float, default=0.0)
    parser.add_argument("--set", action="append", default=[],
                        help="further --set option of both runs")
    args = parser.parse_args()
    checks = []

    def force_held(kind, h, rows):
        if args.force <= 0.:
            return
        worst = max(abs(h["force_z"][i] / args.force - 1.) for i in rows)
        checks.append((f"{kind}: F_z within {100 * worst:.4f} % of "
                       f"{args.force:g} N/m at every step (0.5 %)",
                       worst <= 0.005))

    h, rows, info = run(args.fasciafe, args.prm,
                        os.path.join(args.output, "roll"), "roll",
                        args.length, args.force, args.set)
    force_held("rolling", h, rows)
    R = float_parameter(info, "Tip/sphere/Radius")
    mu = float_parameter(info, "Contact/Friction coefficient")
    x0 = h["tip_x"][rows[0] - 1]
    worst = 0.0
    for i in rows:
        rx = abs(h["force_x"][i]) / h["force_z"][i]
        worst = max(worst, rx)
        print(f"roll: tip_x = {h['tip_x'][i]:.5f} m, F_z = "
              f"{h['force_z'][i]:.5g} N/m, |F_x|/F_z = {100 * rx:.4f} %, "
              f"rotation {h['tip_rotation'][i]:.5f} rad (x / R "
              f"{(h['tip_x'][i] - x0) / R:.5f}), slip fraction "
              f"{h['slip_fraction'][i]:.3f}")
    last = rows[-1]
    kinematic = (h["tip_x"][last] - x0) / R
    turn = h["tip_rotation"][last] / kinematic - 1.
    checks += [
        (f"rolling: max |F_x|/F_z {100 * worst:.4f} % <= "
         f"{100 * args.tol:g} %", worst <= args.tol),
        (f"rolling: slip fraction {h['slip_fraction'][last]:.3f} < 1 "
         "(part of the contact sticks)", h["slip_fraction"][last] < 1.),
        (f"rolling: turned {100 * turn:+.3f} % from distance / R "
         "(within 5 %)", abs(turn) <= 0.05),
    ]

    h, rows, _ = run(args.fasciafe, args.prm,
                     os.path.join(args.output, "slide"), "slide",
                     args.length, args.force, args.set)
    force_held("sliding", h, rows)
    last = rows[-1]
    ratio = abs(h["force_x"][last]) / h["force_z"][last]
    friction = [h[f"friction_force_{c}"][last] for c in "xyz"]
    normal = [h[f"force_{c}"][last] - f for c, f in zip("xyz", friction)]
    coulomb = (sum(f * f for f in friction) /
               sum(n * n for n in normal)) ** 0.5
    print(f"slide: tip_x = {h['tip_x'][last]:.5f} m, F_z = "
          f"{h['force_z'][last]:.5g} N/m, |F_x|/F_z = {ratio:.5f}, "
          f"|friction|/|normal| = {coulomb:.6f} (mu = {mu:g}), slip "
          f"fraction {h['slip_fraction'][last]:.3f}")
    checks += [
        (f"sliding: |friction|/|normal| = {coulomb:.6f} within "
         f"{100 * args.tol:g} % of mu = {mu:g}",
         abs(coulomb / mu - 1.) <= args.tol),
        (f"sliding: |F_x|/F_z = {ratio:.5f} within {250 * args.tol:g} % of "
         f"mu = {mu:g}", abs(ratio / mu - 1.) <= 2.5 * args.tol),
        (f"sliding: slip fraction {h['slip_fraction'][last]:.3f} = 1",
         h["slip_fraction"][last] == 1.),
    ]
    return report(checks)


if __name__ == "__main__":
    sys.exit(main())
