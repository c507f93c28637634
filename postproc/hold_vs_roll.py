#!/usr/bin/python3
"""The hold_vs_roll comparison: a hold and a roll of equal duration and
equal peak force (scenarios/clinical/foam_roller_hold.prm and
foam_roller_roll.prm, run by scenarios/clinical/hold_vs_roll.sh), side by
side in a small table.

Usage: hold_vs_roll.py HOLD_DIR ROLL_DIR [--output DIR] [--level 0.5]

For each run (from its history.csv, docs/output.md):
- time_to_release [s]: the first time at which lambda_mean_target falls
  below --level (default 0.5), or "never";
- released_volume [m^3, m^2 in plane strain]: the largest
  released_volume_target (target volume with lambda below the run's
  Target region/Release threshold);
- peak_pressure [Pa]: the largest max_contact_pressure;
- dissipated_energy [J, J/m in plane strain]: the final dissipated_energy;
- peak_force [N, N/m]: the largest force_z, and min_lambda_target [-].
Writes DIR/hold_vs_roll.csv (with a units line, like history.csv) and
DIR/hold_vs_roll.md, atomically; prints the table. Exit status 2 with
"hold_vs_roll: error: ..." naming the run if a run directory or a needed
column is missing.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fasciafe_results import load_history  # noqa: E402

NEEDED = ["time", "force_z", "max_contact_pressure", "dissipated_energy",
          "lambda_mean_target", "lambda_min_target",
          "released_volume_target"]
COLUMNS = [("case", "-"), ("time_to_release", "s"),
           ("released_volume", "m^3"), ("peak_pressure", "Pa"),
           ("dissipated_energy", "J"), ("peak_force", "N"),
           ("min_lambda_target", "1")]


class InputError(Exception):
    pass


def summarize(name, run_dir, level):
    """One table row (dict) for the run in run_dir."""
    try:
        h, units = load_history(run_dir)
    except (OSError, ValueError) as e:
        raise InputError(f"{name} run '{run_dir}': cannot read history.csv "
                         f"({e})")
    missing = [c for c in NEEDED if c not in h]
    if missing:
        raise InputError(f"{name} run '{run_dir}': history.csv lacks "
                         f"{', '.join(missing)} (the runs need a Target "
                         f"region)")
    release = next((t for t, lam in zip(h["time"], h["lambda_mean_target"])
                    if lam < level), None)
    return {
        "case": name,
        "time_to_release": "never" if release is None else f"{release:.6g}",
        "released_volume": f"{max(h['released_volume_target']):.6g}",
        "peak_pressure": f"{max(h['max_contact_pressure']):.6g}",
        "dissipated_energy": f"{h['dissipated_energy'][-1]:.6g}",
        "peak_force": f"{max(h['force_z']):.6g}",
        "min_lambda_target": f"{min(h['lambda_min_target']):.6g}",
        "_units": units,
    }


def write_atomic(path, text):
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("hold_dir")
    parser.add_argument("roll_dir")
    parser.add_argument("--output", default=".")
    parser.add_argument("--level", type=float, default=0.5)
    args = parser.parse_args(argv)
    try:
        if not 0.0 < args.level < 1.0:
            raise InputError(f"--level {args.level} must lie in (0, 1)")
        rows = [summarize("hold", args.hold_dir, args.level),
                summarize("roll", args.roll_dir, args.level)]
    except InputError as e:
        print(f"hold_vs_roll: error: {e}", file=sys.stderr)
        return 2
    # Units of the model type (plane strain: per unit length).
    u = rows[0]["_units"]
    units = {"case": "-", "time_to_release": "s",
             "released_volume": u["released_volume_target"],
             "peak_pressure": "Pa", "dissipated_energy": u["dissipated_energy"],
             "peak_force": u["force_z"], "min_lambda_target": "1"}
    names = [c for c, _ in COLUMNS]
    csv = "# units: " + ",".join(units[n] for n in names) + "\n"
    csv += ",".join(names) + "\n"
    csv += "".join(",".join(r[n] for n in names) + "\n" for r in rows)
    md = (f"| {' | '.join(f'{n} [{units[n]}]' for n in names)} |\n"
          f"|{'---|' * len(names)}\n")
    md += "".join(f"| {' | '.join(r[n] for n in names)} |\n" for r in rows)
    os.makedirs(args.output, exist_ok=True)
    write_atomic(os.path.join(args.output, "hold_vs_roll.csv"), csv)
    write_atomic(os.path.join(args.output, "hold_vs_roll.md"), md)
    print(md, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
