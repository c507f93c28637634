#!/usr/bin/env python3
"""A completed run wrote every output file of docs/output.md, under its
final name, with nothing temporary left over, and the HDF5 history holds
the same numbers and units as its CSV twin.

Usage: check_output_files.py RUN_DIR
"""

import json
import os
import sys

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import load_history  # noqa


def main():
    d = sys.argv[1]
    failures = []
    for name in ["run.json", "history.h5", "history.csv", "summary.txt",
                 "log.txt", "solution.pvd", "fields.h5", "fields.xdmf"]:
        if not os.path.isfile(os.path.join(d, name)):
            failures.append(f"missing {name}")
    leftovers = [f for root, _, files in os.walk(d) for f in files
                 if ".tmp" in f or f.endswith(".partial")]
    if leftovers:
        failures.append(f"temporary files left: {leftovers}")
    if not any(f.endswith(".pvtu") for f in os.listdir(os.path.join(d, "vtu"))):
        failures.append("no .pvtu record in vtu/")
    with open(os.path.join(d, "run.json")) as f:
        info = json.load(f)
    if info.get("status") != "completed":
        failures.append(f"run.json status {info.get('status')!r}")
    csv_cols, csv_units = load_history(d)
    with h5py.File(os.path.join(d, "history.h5"), "r") as h5:
        for name, values in csv_cols.items():
            ds = h5["history"][name]
            if not np.array_equal(ds[()], np.array(values)):
                failures.append(f"history.h5 {name} differs from the CSV")
            unit = ds.attrs["unit"]
            unit = unit.decode() if isinstance(unit, bytes) else unit
            if unit != csv_units[name]:
                failures.append(f"unit of {name}: {unit} vs {csv_units[name]}")
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h5:
        steps = [k for k in h5.keys() if k.startswith("step_")]
        if not steps:
            failures.append("fields.h5 has no step group")
        elif "displacement" not in h5[steps[-1]]:
            failures.append("fields.h5 last step has no displacement")
    print(f"{len(csv_cols['time'])} history rows, "
          f"{len(csv_cols)} columns checked")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
