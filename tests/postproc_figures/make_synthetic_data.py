#!/usr/bin/python3
"""Write the synthetic sweep and calibration inputs of the figure tests.

    /usr/bin/python3 tests/postproc_figures/make_synthetic_data.py

writes, following interfaces 1 and 2 of the project (docs/figures.md):
  tests/data/results/sweep_hold_depth/  sweep.json + summary.csv: hold time
      x depth, 3 x 2 cases, one failed, one that never released;
  tests/data/results/sweep_tips/        sweep.json + summary.csv: Tip/Shape,
      3 cases;
  tests/data/results/calibration/       calibration.h5 (two rules) and
      calibration.csv.
The numbers are made up (smooth functions of the axis values) and only
serve to check that the figures show what their input holds; they are
not results of the model. Deterministic: running it again gives the same
files.
"""

import csv
import json
import os

import h5py
import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                    "results")
RESULTS = ["peak_force", "final_force", "force_drop_percent", "release_time",
           "released_volume_target_max", "lambda_min_target",
           "dissipated_energy", "newton_iterations", "wall_time"]
RESULT_UNITS = ["N", "N", "%", "s", "m^3", "1", "J", "1", "s"]


def write_sweep(name, axes, units, cases):
    """cases: list of (parameters dict, status, results dict or None)."""
    folder = os.path.join(ROOT, name)
    os.makedirs(folder, exist_ok=True)
    info = {"format": "fasciafe-sweep", "format_version": 1,
            "base": "scenarios/default.prm", "design": "full factorial",
            "axes": [{"parameter": p, "values": v} for p, v in axes],
            "cases": []}
    params = [p for p, _ in axes]
    with open(os.path.join(folder, "summary.csv"), "w", newline="") as f:
        f.write("# units: " + ",".join(["-", "-"] + units + RESULT_UNITS)
                + "\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["case", "status"] + params + RESULTS)
        for k, (parameters, status, results) in enumerate(cases):
            case = f"{k:04d}"
            info["cases"].append({"id": case, "dir": f"cases/{case}",
                                  "parameters": parameters, "status": status,
                                  "message": "" if status == "done" else
                                  "step did not converge"})
            cells = [results[r] if results else "" for r in RESULTS]
            writer.writerow([case, status] + [parameters[p] for p in params]
                            + cells)
    with open(os.path.join(folder, "sweep.json"), "w") as f:
        json.dump(info, f, indent=2)
        f.write("\n")


def results(peak, release, volume, lam):
    return {"peak_force": repr(peak), "final_force": repr(0.97 * peak),
            "force_drop_percent": repr(3.0), "release_time": release,
            "released_volume_target_max": repr(volume),
            "lambda_min_target": repr(lam), "dissipated_energy": repr(1e-4),
            "newton_iterations": "120", "wall_time": "30.5"}


def hold_depth():
    holds, depths = ["10", "30", "60"], ["0.002", "0.003"]
    cases = []
    for depth in depths:
        for hold in holds:
            h, d = float(hold), float(depth)
            p = {"Protocol/Hold time": hold, "Protocol/Depth": depth}
            if hold == "60" and depth == "0.002":
                cases.append((p, "failed", None))
                continue
            release = "never" if (hold == "10" and depth == "0.002") else \
                repr(2.0 + 40.0 * 0.002 / d)
            volume = 0.0 if release == "never" else 1e-8 * h * (d / 0.002) ** 2
            cases.append((p, "done", results(1000.0 * d ** 1.5 * 30, release,
                                             volume, 0.9 - 0.01 * h)))
    write_sweep("sweep_hold_depth", [("Protocol/Hold time", holds),
                                     ("Protocol/Depth", depths)],
                ["s", "m"], cases)


def tips():
    shapes = ["sphere", "flat punch", "cylinder"]
    cases = [({"Tip/Shape": s}, "done",
              results(2.9 + k, repr(15.0 + 5 * k) if k < 2 else "never",
                      (3 - k) * 2e-8, 0.2 + 0.3 * k))
             for k, s in enumerate(shapes)]
    write_sweep("sweep_tips", [("Tip/Shape", shapes)], ["-"], cases)


def calibration():
    folder = os.path.join(ROOT, "calibration")
    os.makedirs(folder, exist_ok=True)
    with h5py.File(os.path.join(folder, "calibration.h5"), "w") as f:
        f.attrs["format"] = "fasciafe-calibration"
        for rule, unit, lo, hi, sharp in [("force_drop", "%", 0.5, 5.0, 4.0),
                                          ("stiffness_drop", "%", 1.0, 20.0,
                                           2.0)]:
            g = f.create_group(f"roc/{rule}")
            threshold = np.linspace(lo, hi, 11)
            x = (threshold - lo) / (hi - lo)
            fpr = (1 - x) ** 2
            tpr = 1 - x ** sharp
            g["threshold"] = threshold
            g["true_positive_rate"] = tpr
            g["false_positive_rate"] = fpr
            g["mean_latency"] = 2.0 + 10.0 * x
            g["early_rate"] = fpr / 2
            g["miss_rate"] = 1 - tpr
            g.attrs["threshold_unit"] = unit
            for name in g:
                g[name].attrs["unit"] = {"threshold": unit,
                                         "mean_latency": "s"}.get(name, "1")
    with open(os.path.join(folder, "calibration.csv"), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["tip", "depth_min", "depth_max", "rule", "threshold",
                         "threshold_unit", "expected_latency", "miss_rate",
                         "early_rate"])
        writer.writerow(["sphere", "0.002", "0.004", "force_drop", "2.3",
                         "%", "6.0", "0.1", "0.05"])


if __name__ == "__main__":
    hold_depth()
    tips()
    calibration()
