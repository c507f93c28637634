#!/usr/bin/env python3
"""Verify the thixotropic hold-and-recovery run
(scenarios/verification/thixotropic_hold_recovery_axisymmetric.prm).

Usage: check_thixotropic_hold.py RUN_DIR [--rate-tol 0.02]
Phases of the table protocol: 0 ramp, 1 hold, 2 unload, 3 rest.
Checks:
  1. breakdown under the tip: in the hold the target's mean lambda falls
     monotonically and its minimum ends below the release threshold; the
     force relaxes (the tissue softens at constant depth);
  2. far field: in the final fields every node farther than 2 tip radii
     from the apex has lambda == 1 exactly (its driver never exceeded the
     threshold: a point that broke down recovers only asymptotically);
     and all released volume lies in the target region;
  3. recovery at rest (driver 0): per step, (1 - lambda_mean) shrinks by
     the backward-Euler factor 1 / (1 + k_build dt) to 1e-6, and the
     fitted rate -d ln(1 - lambda_mean)/dt equals k_build within rate-tol.
Reads k_build and the tip radius from run.json.
"""

import argparse
import math
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import (float_parameter, load_history,  # noqa
                              load_run_info)


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run_dir")
    p.add_argument("--rate-tol", type=float, default=0.02)
    a = p.parse_args()
    info = load_run_info(a.run_dir)
    k_build = float_parameter(
        info, "Tissue/Layer 1/thixotropic viscoelastic/Build-up rate")
    radius = float_parameter(info, "Tip/sphere/Radius")
    threshold = float_parameter(info, "Target region/Release threshold")
    cols, _ = load_history(a.run_dir)
    h = {k: np.array(v) for k, v in cols.items()}
    t, phase = h["time"], h["phase"]

    hold = phase == 1
    mean_hold = h["lambda_mean_target"][hold]
    if not np.all(np.diff(mean_hold) <= 1e-14):
        fail("mean lambda in the target does not fall monotonically in the "
             "hold")
    min_end = h["lambda_min_target"][hold][-1]
    force = h["force_z"][hold]
    print(f"hold: target lambda mean {mean_hold[0]:.4f} -> "
          f"{mean_hold[-1]:.4f}, min {min_end:.4f}; force {force[0]:.5g} -> "
          f"{force[-1]:.5g} N")
    if not min_end < threshold:
        fail(f"target minimum lambda {min_end} not below {threshold}")
    if not force[-1] < 0.95 * force[0]:
        fail("the force does not relax as the tissue softens")
    outside = h["released_volume"] - h["released_volume_target"]
    if np.max(np.abs(outside)) > 1e-12 * max(1e-30, h["released_volume"].max()):
        fail("released volume outside the target region")
    if h["released_volume"].max() <= 0.:
        fail("no released volume")

    with h5py.File(os.path.join(a.run_dir, "fields.h5"), "r") as f:
        last = sorted(f.keys())[-1]
        nodes = np.array(f[last]["nodes"])
        lam = np.array(f[last]["lambda"]).ravel()
    dist = np.hypot(nodes[:, 0], nodes[:, 1])
    far = dist > 2. * radius
    print(f"far field: {far.sum()} nodes beyond {2 * radius} m, lambda in "
          f"[{lam[far].min()}, {lam[far].max()}]; overall min {lam.min():.4f}")
    if far.sum() == 0 or np.any(lam[far] != 1.):
        fail("far-field lambda is not exactly 1")
    if not lam.min() < 1.:
        fail("no structure change anywhere in the final fields")

    rest = phase == 3
    x = 1. - h["lambda_mean_target"][rest]
    tr = t[rest]
    ratio = x[1:] / x[:-1]
    be = 1. / (1. + k_build * np.diff(tr))
    ratio_error = np.max(np.abs(ratio / be - 1.))
    rate = -np.polyfit(tr, np.log(x), 1)[0]
    print(f"rest: {len(tr)} steps, per-step factor error {ratio_error:.2e}, "
          f"fitted rate {rate:.6g} 1/s vs k_build {k_build:.6g} 1/s "
          f"({100 * (rate / k_build - 1):+.2f} %)")
    if not ratio_error < 1e-6:
        fail("recovery does not follow the backward-Euler factor")
    if not abs(rate / k_build - 1.) < a.rate_tol:
        fail("recovery rate differs from k_build")
    print("PASS")


if __name__ == "__main__":
    main()
