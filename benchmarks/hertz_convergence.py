#!/usr/bin/env python3
"""Mesh-convergence table of the axisymmetric Hertz case.

Usage: hertz_convergence.py DIR
DIR holds one run of scenarios/verification/hertz_axisymmetric.prm per
mesh (subfolders h<size>, written by benchmarks/hertz_convergence.sh).
For each run, the last history row (d/R = 0.05) is compared with
  Hertz    F = (4/3) E* sqrt(R) d^(3/2),  a = sqrt(R d)
  Sneddon  F = (E*/2) [(a^2 + R^2) ln((R + a)/(R - a)) - 2 a R],
           d = (a/2) ln((R + a)/(R - a))   (exact sphere, Sneddon65)
(physics.md section 4, cases 1 and 2), E* = E / (1 - nu^2). With three
meshes halved in turn, prints the observed order
  p = ln(|F1 - F2| / |F2 - F3|) / ln(2)
and the Richardson extrapolation F_inf = F3 + (F3 - F2) / (2^p - 1).
Standard library only.
"""

import glob
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..",
                                "postproc"))
from fasciafe_results import (float_parameter, load_history,  # noqa
                              load_run_info, load_summary)

LAYER = "Tissue/Layer 1/neo-Hookean/"


def sneddon_sphere(d, R, E_star):
    """Force and contact radius of the exact rigid sphere at depth d."""
    def depth(a):
        return 0.5 * a * math.log((R + a) / (R - a))
    lo, hi = 0.0, R * (1.0 - 1e-12)
    if depth(hi) < d:
        raise ValueError(f"depth {d} m too large for sphere radius {R} m")
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if depth(mid) < d:
            lo = mid
        else:
            hi = mid
    a = 0.5 * (lo + hi)
    F = 0.5 * E_star * ((a * a + R * R) * math.log((R + a) / (R - a))
                        - 2.0 * a * R)
    return F, a


def load_case(run_dir):
    info = load_run_info(run_dir)
    if info.get("status") != "completed":
        raise RuntimeError(f"{run_dir}: run status '{info.get('status')}'")
    h, _ = load_history(run_dir)
    summary = load_summary(run_dir)
    return {
        "dir": run_dir,
        "h0": float_parameter(info, "Geometry/Zone element size"),
        "n_dofs": int(summary["n_dofs"]),
        "E": float_parameter(info, LAYER + "Young's modulus"),
        "nu": float_parameter(info, LAYER + "Poisson's ratio"),
        "R": float_parameter(info, "Tip/sphere/Radius"),
        "d": h["depth"][-1],
        "F": h["force_z"][-1],
        "a": h["contact_radius"][-1],
        "wall": float(info.get("wall_time_s", "nan")),
    }


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    dirs = sorted(d for d in glob.glob(os.path.join(sys.argv[1], "h*"))
                  if os.path.isfile(os.path.join(d, "run.json")))
    if not dirs:
        print(f"no runs (h*/run.json) in {sys.argv[1]}")
        return 1
    cases = sorted((load_case(d) for d in dirs), key=lambda c: -c["h0"])

    c0 = cases[0]
    E, nu, R, d = c0["E"], c0["nu"], c0["R"], c0["d"]
    for c in cases[1:]:
        if (c["E"], c["nu"], c["R"]) != (E, nu, R) or \
                abs(c["d"] - d) > 1e-12 * R:
            print(f"{c['dir']}: different E, nu, R or final depth")
            return 1
    E_star = E / (1.0 - nu * nu)
    F_h = 4.0 / 3.0 * E_star * math.sqrt(R) * d ** 1.5
    a_h = math.sqrt(R * d)
    F_s, a_s = sneddon_sphere(d, R, E_star)

    print(f"Hertz sphere, axisymmetric: E = {E:g} Pa, nu = {nu:g}, "
          f"E* = {E_star:.6g} Pa, R = {R:g} m")
    print(f"d = {d:.6g} m (d/R = {d / R:.4f}): F_Hertz = {F_h:.6e} N, "
          f"F_Sneddon = {F_s:.6e} N, a_Hertz = sqrt(R d) = {a_h:.6e} m, "
          f"a_Sneddon = {a_s:.6e} m")
    print()
    print(f"{'h0 [m]':>8} {'n_dofs':>8} {'F [N]':>13} {'F/F_H-1':>9} "
          f"{'F/F_S-1':>9} {'a [m]':>11} {'a/a_H-1':>9} {'wall [s]':>9}")
    for c in cases:
        print(f"{c['h0']:8.1e} {c['n_dofs']:8d} {c['F']:13.6e} "
              f"{c['F'] / F_h - 1:+9.4%} {c['F'] / F_s - 1:+9.4%} "
              f"{c['a']:11.4e} {c['a'] / a_h - 1:+9.3%} {c['wall']:9.1f}")

    if len(cases) < 3:
        print("\nfewer than three meshes: no convergence order")
        return 0
    c1, c2, c3 = cases[-3:]
    ratio = c1["h0"] / c2["h0"]
    if abs(ratio - 2.0) > 1e-9 or abs(c2["h0"] / c3["h0"] - 2.0) > 1e-9:
        print("\nthe three finest meshes are not halved in turn: "
              "no convergence order")
        return 0
    F1, F2, F3 = c1["F"], c2["F"], c3["F"]
    print()
    print(f"differences: F1 - F2 = {F1 - F2:+.4e} N "
          f"({(F1 - F2) / F3:+.3%}), F2 - F3 = {F2 - F3:+.4e} N "
          f"({(F2 - F3) / F3:+.3%})")
    if F1 == F2 or F2 == F3:
        print("two meshes give the same force: no observed order")
        return 0
    p = math.log(abs(F1 - F2) / abs(F2 - F3)) / math.log(2.0)
    F_inf = F3 + (F3 - F2) / (2.0 ** p - 1.0) if p > 0 else float("nan")
    monotone = (F1 - F2) * (F2 - F3) > 0
    print(f"observed order p = {p:.3f}"
          + ("" if monotone else
             "  (differences change sign: not in the asymptotic range, "
             "p and F_inf are formal only)"))
    print(f"Richardson F_inf = {F_inf:.6e} N: F_inf/F_Hertz - 1 = "
          f"{F_inf / F_h - 1:+.4%}, F_inf/F_Sneddon - 1 = "
          f"{F_inf / F_s - 1:+.4%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
