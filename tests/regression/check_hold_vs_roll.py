#!/usr/bin/env python3
"""The hold_vs_roll comparison on a short hold and roll of the foam roller
(scenarios/clinical/foam_roller_{hold,roll}.prm, phases shortened by the
ctest): postproc/hold_vs_roll.py is run on the two runs and its table is
checked against the runs' histories, recomputed here on their own:

- both runs completed, lasted equally long and reached the same peak force
  (force control) within 0.5 %;
- time_to_release is the first history time with lambda_mean_target below
  the level and the row before it is not below; "never" if no row is;
- released_volume, peak_pressure, dissipated_energy, peak_force and
  min_lambda_target are the largest / final / smallest history values
  (relative 1e-5: the table keeps 6 digits);
- the units line is that of the model type (plane strain: m^2, J/m, N/m);
- at a level below every lambda (0.01) both rows say "never"; a missing
  run directory exits 2 with "hold_vs_roll: error: ... 'DIR' ..." and
  leaves an existing table as it was.

Usage: check_hold_vs_roll.py HOLD_DIR ROLL_DIR WORK_DIR
"""

import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
postproc = os.path.join(here, "..", "..", "postproc")
sys.path.insert(0, postproc)
from fasciafe_results import load_history, load_run_info  # noqa: E402

SCRIPT = os.path.join(postproc, "hold_vs_roll.py")


def table(work, hold, roll, *extra):
    r = subprocess.run([sys.executable, SCRIPT, hold, roll, "--output", work,
                        *extra], capture_output=True, text=True)
    return r


def read_table(work):
    with open(os.path.join(work, "hold_vs_roll.csv")) as f:
        lines = f.read().splitlines()
    units = lines[0].removeprefix("# units: ").split(",")
    names = lines[1].split(",")
    rows = {}
    for line in lines[2:]:
        values = line.split(",")
        rows[values[0]] = dict(zip(names, values))
    return dict(zip(names, units)), rows


def close(a, b, rel=1e-5):
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)


def main():
    hold, roll, work = sys.argv[1:4]
    failures = []
    runs = {"hold": hold, "roll": roll}
    hist = {}
    for name, d in runs.items():
        info = load_run_info(d)
        if info["status"] != "completed":
            failures.append(f"{name}: status {info['status']}")
        hist[name], units = load_history(d)
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1
    th, tr = hist["hold"]["time"][-1], hist["roll"]["time"][-1]
    if not close(th, tr, 1e-9):
        failures.append(f"durations differ: hold {th} s, roll {tr} s")
    fh, fr = max(hist["hold"]["force_z"]), max(hist["roll"]["force_z"])
    if abs(fh - fr) > 0.005 * fh:
        failures.append(f"peak forces differ by more than 0.5 %: {fh}, {fr}")

    os.makedirs(work, exist_ok=True)
    r = table(work, hold, roll)
    print(r.stdout, end="")
    if r.returncode != 0:
        failures.append(f"hold_vs_roll.py exited {r.returncode}: {r.stderr}")
        for f in failures:
            print("FAIL:", f)
        return 1
    tunits, rows = read_table(work)
    for name, h in hist.items():
        row = rows.get(name)
        if row is None:
            failures.append(f"no row '{name}'")
            continue
        below = [i for i, lam in enumerate(h["lambda_mean_target"])
                 if lam < 0.5]
        if below:
            i = below[0]
            if row["time_to_release"] == "never" or not close(
                    float(row["time_to_release"]), h["time"][i]):
                failures.append(f"{name}: time_to_release "
                                f"{row['time_to_release']}, history first "
                                f"below 0.5 at {h['time'][i]} s")
        elif row["time_to_release"] != "never":
            failures.append(f"{name}: time_to_release "
                            f"{row['time_to_release']}, history never "
                            f"below 0.5 (min {min(h['lambda_mean_target'])})")
        expected = {
            "released_volume": max(h["released_volume_target"]),
            "peak_pressure": max(h["max_contact_pressure"]),
            "dissipated_energy": h["dissipated_energy"][-1],
            "peak_force": max(h["force_z"]),
            "min_lambda_target": min(h["lambda_min_target"]),
        }
        for key, value in expected.items():
            if not close(float(row[key]), value):
                failures.append(f"{name}: {key} {row[key]}, history {value}")
        print(f"{name}: release {row['time_to_release']} s (history min "
              f"mean lambda {min(h['lambda_mean_target']):.4g}), "
              f"{len(h['time'])} rows")
    want = {"released_volume": units["released_volume_target"],
            "dissipated_energy": units["dissipated_energy"],
            "peak_force": units["force_z"], "peak_pressure": "Pa",
            "time_to_release": "s"}
    for key, unit in want.items():
        if tunits.get(key) != unit:
            failures.append(f"unit of {key}: {tunits.get(key)}, not {unit}")
    if units["force_z"] != "N/m":
        failures.append(f"force unit {units['force_z']}: not plane strain?")

    # Level below every lambda: "never" in both rows.
    low = os.path.join(work, "low")
    r = table(low, hold, roll, "--level", "0.01")
    _, rows = read_table(low) if r.returncode == 0 else ({}, {})
    if r.returncode != 0 or any(rows.get(n, {}).get("time_to_release")
                                != "never" for n in runs):
        failures.append(f"--level 0.01: exit {r.returncode}, rows {rows}")

    # A missing run: exit 2 naming it, the table written before untouched.
    before = open(os.path.join(work, "hold_vs_roll.csv")).read()
    missing = os.path.join(work, "no_such_run")
    r = table(work, hold, missing)
    if (r.returncode != 2 or not r.stderr.startswith("hold_vs_roll: error:")
            or missing not in r.stderr):
        failures.append(f"missing run: exit {r.returncode}, {r.stderr!r}")
    if open(os.path.join(work, "hold_vs_roll.csv")).read() != before:
        failures.append("missing run: the existing table was changed")

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
