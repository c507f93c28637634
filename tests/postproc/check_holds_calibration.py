#!/usr/bin/python3
"""Calibration of release detection on real simulated holds (ctest
verification.release_calibration.SimulatedHoldsGiveThresholdTable).

  check_holds_calibration.py --fasciafe EXE --prm BASE.prm --work DIR

Runs four coarse axisymmetric thixotropic holds derived from BASE.prm
(scenarios/verification/thixotropic_hold_recovery_axisymmetric.prm): two
depths (1.5, 2 mm) x two hold lengths (4, 24 s), each ramped in 1 s,
held, unloaded in 1 s; coarser mesh (1.5 mm zone elements), steps <=
0.5 s, a target sphere of radius 2.5 mm at 2 mm depth released at mean
lambda < 0.6 (the default ground truth reads this from run.json). Then
`fasciafe calibrate` on them twice with the same configuration and seed
(noise 10 uN, 0.2 s low-pass, 100 Hz, one depth class per depth), and
checks:
  1. the runs completed; the long holds release and the short ones do not
     (lambda_mean_target < the release threshold, read independently
     from history.csv), and calibration.json lists the same release
     times;
  2. the threshold table has one row per depth class and force rule
     (force_drop, force_rate, combined: displacement control), each with
     a threshold inside the scanned range, a non-negative expected
     latency when there is one, rates in [0, 1];
  3. the table agrees with the HDF5 file: the recommended threshold's
     early, miss and latency statistics recomputed from
     /detections/<rule> and /runs/release_time equal the table's;
     /roc/<rule> has the six datasets of interface 2;
  4. the figure files exist (PNG and PDF signatures): roc and one per run;
  5. the two calibrations are identical (JSON, CSV, every HDF5 dataset).
Exit 0 pass, 1 fail.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import time

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "postproc"))
from fasciafe_results import (float_parameter, load_history,  # noqa: E402
                              load_run_info)

DEPTHS = (0.0015, 0.002)       # m
HOLDS = (4.0, 24.0)            # s
COARSE = [
    "Geometry/Half width x=0.03",
    "Geometry/Zone element size=0.0015",
    "Geometry/Grading ratio=1.6",
    "Time stepping/Maximum time step=0.5",
    "Output/Field output interval=0",
    # a target closer to the apex, released at mean lambda < 0.6: the long
    # holds release (2 mm at about 10 s, 1.5 mm at about 15 s), the short
    # ones do not
    "Target region/Center=0,0,-0.002",
    "Target region/Radius=0.0025",
    "Target region/Release threshold=0.6",
]
CONFIG = """# calibration of the simulated holds (check_holds_calibration.py)
signal.sampling_rate = 100
signal.force_noise_std = 1e-5
signal.filter_time_constant = 0.2
signal.seed = 2026
rules.use = force_drop, force_rate, combined
depth_classes = 0.001, 0.00175, 0.0025
"""


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def run_holds(exe, prm, work):
    dirs = []
    for d in DEPTHS:
        for h in HOLDS:
            out = os.path.join(work, "runs", f"d{d * 1e3:g}mm_h{h:g}s")
            table = f"0 0; 1 {d!r}; {1 + h!r} {d!r}; {2 + h!r} 0"
            cmd = [exe, "run", prm, "--output", out, "--quiet",
                   "--set", f"Protocol/Table={table}"]
            for s in COARSE:
                cmd += ["--set", s]
            t0 = time.time()
            p = subprocess.run(cmd, capture_output=True, text=True)
            print(f"run depth {d} m, hold {h} s: exit {p.returncode}, "
                  f"{time.time() - t0:.1f} s")
            if p.returncode != 0:
                fail(f"fasciafe run failed:\n{p.stdout}\n{p.stderr}")
            dirs.append(out)
    return dirs


def true_release(run_dir):
    cols, _ = load_history(run_dir)
    level = float_parameter(load_run_info(run_dir),
                            "Target region/Release threshold")
    lam = np.array(cols["lambda_mean_target"])
    i = np.flatnonzero(lam < level)
    print(f"  {os.path.basename(run_dir)}: lambda_mean_target "
          f"{lam.min():.4f} at its lowest; release "
          f"{cols['time'][i[0]] if i.size else 'never'}")
    return float(cols["time"][i[0]]) if i.size else None


def calibrate(exe, dirs, out, cfg):
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.time()
    p = subprocess.run([exe, "calibrate", *dirs, "--output", out,
                        "--config", cfg], capture_output=True, text=True)
    print(p.stdout.rstrip())
    print(f"calibrate: exit {p.returncode}, {time.time() - t0:.1f} s")
    if p.returncode != 0:
        fail(f"fasciafe calibrate failed: {p.stderr}")


def datasets(path):
    out = {}
    with h5py.File(path) as f:
        f.visititems(lambda n, o: out.__setitem__(n, o[()])
                     if isinstance(o, h5py.Dataset) else None)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fasciafe", required=True)
    ap.add_argument("--prm", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    dirs = run_holds(a.fasciafe, a.prm, a.work)

    # 1. ground truth, independently of postproc/release
    truth = [true_release(d) for d in dirs]
    for (d, h), t in zip([(d, h) for d in DEPTHS for h in HOLDS], truth):
        if (h == max(HOLDS)) != (t is not None):
            fail(f"depth {d} m, hold {h} s: release {t}; expected the long "
                 f"holds to release and the short ones not to")
    cfg = os.path.join(a.work, "config.txt")
    with open(cfg, "w") as f:
        f.write(CONFIG)
    out_a = os.path.join(a.work, "calibration_a")
    out_b = os.path.join(a.work, "calibration_b")
    calibrate(a.fasciafe, dirs, out_a, cfg)
    calibrate(a.fasciafe, dirs, out_b, cfg)
    with open(os.path.join(out_a, "calibration.json")) as f:
        doc = json.load(f)
    listed = [r["release_time"] for r in doc["runs"]]
    if listed != truth:
        fail(f"calibration.json release times {listed} != history {truth}")

    # 2. the table
    table = doc["table"]
    keys = sorted((r["depth_min"], r["rule"]) for r in table)
    expect = sorted((lo, rule) for lo in (0.001, 0.00175)
                    for rule in ("force_drop", "force_rate", "combined"))
    if keys != expect:
        fail(f"table rows {keys}, expected {expect}")
    h5 = os.path.join(out_a, "calibration.h5")
    with h5py.File(h5) as f:
        release = f["runs/release_time"][:]
        group = f["runs/group"][:]
        for row in table:
            roc = f["roc"][row["rule"]]
            for ds in ("threshold", "true_positive_rate",
                       "false_positive_rate", "mean_latency", "early_rate",
                       "miss_rate"):
                if ds not in roc:
                    fail(f"/roc/{row['rule']} lacks {ds}")
            th = roc["threshold"][:]
            if not th[0] <= row["threshold"] <= th[-1]:
                fail(f"{row}: threshold outside the scan")
            lat = row["expected_latency"]
            if lat is not None and lat < 0.:
                fail(f"{row}: negative expected latency")
            for k in ("miss_rate", "early_rate"):
                if not 0. <= row[k] <= 1.:
                    fail(f"{row}: {k} out of [0, 1]")
            # 3. recompute the row from the raw detections
            i = int(np.argmin(np.abs(th - row["threshold"])))
            g = [k for k, (lo) in enumerate(
                sorted({r["depth_min"] for r in table}))
                if lo == row["depth_min"]][0]
            cols = group == g
            det = f["detections"][row["rule"]][i, cols]
            rel = release[cols]
            released = ~np.isnan(rel)
            found = ~np.isnan(det)
            early = np.sum(found & released & (det < np.nan_to_num(rel)))
            missed = np.sum(~found & released)
            on = found & released & (det >= np.nan_to_num(rel))
            n_rel = released.sum()
            mean_lat = (float(np.mean(det[on] - rel[on])) if on.any()
                        else None)
            print(f"  depth >= {row['depth_min']} m {row['rule']:<10} "
                  f"threshold {row['threshold']:.4g} "
                  f"{row['threshold_unit']}: early {early}/{n_rel}, "
                  f"missed {missed}/{n_rel}, latency {mean_lat}")
            if (early / n_rel != row["early_rate"]
                    or missed / n_rel != row["miss_rate"]):
                fail(f"{row}: rates differ from the detections")
            if (mean_lat is None) != (lat is None) or (
                    lat is not None and abs(mean_lat - lat) > 1e-12):
                fail(f"{row}: latency differs from the detections")

    # 4. figures
    fig_dir = os.path.join(out_a, "figures")
    files = sorted(os.listdir(fig_dir))
    n_png = len([x for x in files if x.endswith(".png")])
    n_pdf = len([x for x in files if x.endswith(".pdf")])
    if "roc.png" not in files or n_png != 1 + len(dirs) or n_pdf != n_png:
        fail(f"figure files {files}")
    for x in files:
        with open(os.path.join(fig_dir, x), "rb") as fh:
            head = fh.read(8)
        if not (head.startswith(b"\x89PNG") or head.startswith(b"%PDF")):
            fail(f"{x} is not a PNG or PDF file")
    print(f"figures: {len(files)} files (roc and one per run, PNG + PDF)")

    # 5. reproducibility
    for name in ("calibration.json", "calibration.csv"):
        with open(os.path.join(out_a, name)) as f1, \
                open(os.path.join(out_b, name)) as f2:
            if f1.read() != f2.read():
                fail(f"{name} differs between two calibrations with the "
                     f"same input and seed")
    da, db = datasets(h5), datasets(os.path.join(out_b, "calibration.h5"))
    if sorted(da) != sorted(db) or not all(
            np.array_equal(da[k], db[k], equal_nan=da[k].dtype.kind == "f")
            for k in da):
        fail("calibration.h5 differs between two calibrations with the "
             "same input and seed")
    print(f"reproducible: calibration.json, .csv and {len(da)} HDF5 "
          f"datasets identical")
    print("PASS")


if __name__ == "__main__":
    main()
