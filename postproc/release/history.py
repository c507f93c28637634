"""Read one FasciaFE run for release detection: its history table and
run.json (schema: docs/output.md)."""

import json
import os

import numpy as np

from . import InputError


class Run:
    """One run: a name, its directory, its history columns (numpy arrays,
    SI units), their units, and its run.json parameters."""

    def __init__(self, name, directory, columns, units, info):
        self.name = name
        self.directory = directory
        self.columns = columns
        self.units = units
        self.info = info
        # the key of the run's noise (signal.py): the last component of its
        # directory, so that moving a set of runs does not change it
        self.noise_key = os.path.basename(os.path.normpath(directory))

    def column(self, name, purpose):
        """Column `name`; an InputError naming the run if it is missing."""
        if name not in self.columns:
            raise InputError(f"run '{self.name}': its history has no column "
                             f"'{name}' (needed for {purpose})")
        return self.columns[name]

    def require(self, names, purpose):
        missing = [n for n in names if n not in self.columns]
        if missing:
            hint = ""
            if any(n.endswith("_target") for n in missing):
                hint = ("; the target columns need a target region, "
                        "Target region/Shape != none")
            raise InputError(
                f"run '{self.name}': its history lacks the column(s) "
                f"{', '.join(missing)} (needed for {purpose}{hint})")

    def parameter(self, path, default=None):
        """Value (string) of the parameter "Section/Sub/Name" in run.json,
        or `default` if it is not there."""
        node = self.info.get("parameters", {})
        for part in path.split("/"):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        if isinstance(node, dict):
            return node.get("value", default)
        return node

    @property
    def time(self):
        return self.columns["time"]


def _read_h5(path):
    import h5py
    with h5py.File(path, "r") as f:
        if "history" not in f:
            raise ValueError("no group /history")
        g = f["history"]
        names = f.attrs.get("columns")
        if isinstance(names, bytes):
            names = names.decode()
        order = names.split(",") if names else list(g.keys())
        columns = {n: np.asarray(g[n][:], dtype=float) for n in order
                   if n in g}
        units = {}
        for n in columns:
            u = g[n].attrs.get("unit", "")
            units[n] = u.decode() if isinstance(u, bytes) else str(u)
    return columns, units


def _read_csv(path):
    import csv
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("# units:"):
        raise ValueError("first line is not '# units: ...'")
    unit_list = lines[0][len("# units:"):].strip().split(",")
    reader = csv.reader(lines[1:])
    header = next(reader, None)
    if not header:
        raise ValueError("no header line")
    rows = [r for r in reader if r]
    columns = {}
    for j, n in enumerate(header):
        columns[n] = np.array([float(r[j]) for r in rows], dtype=float)
    return columns, dict(zip(header, unit_list))


def load_run(directory, name=None):
    """Read the run in `directory` (history.h5, else history.csv; run.json).

    Raises InputError naming the run if a file is missing or malformed, or
    the history has fewer than two rows."""
    name = name or directory
    info_path = os.path.join(directory, "run.json")
    if not os.path.isdir(directory):
        raise InputError(f"run '{name}': directory '{directory}' not found")
    try:
        with open(info_path) as f:
            info = json.load(f)
    except OSError:
        raise InputError(f"run '{name}': '{info_path}' cannot be read")
    except ValueError as e:
        raise InputError(f"run '{name}': '{info_path}' is not valid JSON "
                         f"({e})")
    h5 = os.path.join(directory, "history.h5")
    csv_path = os.path.join(directory, "history.csv")
    if os.path.exists(h5):
        path, reader = h5, _read_h5
    elif os.path.exists(csv_path):
        path, reader = csv_path, _read_csv
    else:
        raise InputError(f"run '{name}': no history.h5 or history.csv in "
                         f"'{directory}'")
    try:
        columns, units = reader(path)
    except (OSError, ValueError, KeyError, IndexError) as e:
        raise InputError(f"run '{name}': '{path}' cannot be read ({e})")
    if "time" not in columns:
        raise InputError(f"run '{name}': its history has no column 'time'")
    if len(columns["time"]) < 2:
        raise InputError(f"run '{name}': its history has fewer than 2 rows")
    if np.any(np.diff(columns["time"]) <= 0.):
        raise InputError(f"run '{name}': the time column of '{path}' is "
                         f"not increasing")
    return Run(name, directory, columns, units, info)


def load_runs(paths):
    """Runs from the command-line inputs: each path is a run directory or a
    sweep directory (with sweep.json: its cases of status `done`). Returns
    (runs, notes) with notes the skipped cases."""
    runs, notes = [], []
    if not paths:
        raise InputError("no runs given (an empty set of runs)")
    for p in paths:
        sweep = os.path.join(p, "sweep.json")
        if os.path.isfile(sweep):
            r, n = _load_sweep(p, sweep)
            runs += r
            notes += n
        else:
            runs.append(load_run(p, name=os.path.normpath(p)))
    if not runs:
        raise InputError("the set of runs is empty (no case of the sweep(s) "
                         "has status 'done')")
    names = [r.name for r in runs]
    for n in names:
        if names.count(n) > 1:
            raise InputError(f"run '{n}' is given more than once")
    return runs, notes


def _load_sweep(directory, path):
    try:
        with open(path) as f:
            sweep = json.load(f)
    except ValueError as e:
        raise InputError(f"sweep '{path}': not valid JSON ({e})")
    if sweep.get("format") != "fasciafe-sweep" or not isinstance(
            sweep.get("cases"), list):
        raise InputError(f"sweep '{path}': not a fasciafe-sweep file "
                         f"(format and cases expected)")
    runs, notes = [], []
    for case in sweep["cases"]:
        cid = str(case.get("id", "?"))
        name = f"{os.path.normpath(directory)}/{cid}"
        if case.get("status") != "done":
            notes.append(f"skipping case {name} (status "
                         f"{case.get('status', 'unknown')})")
            continue
        rel = case.get("dir", os.path.join("cases", cid))
        runs.append(load_run(os.path.join(directory, rel), name=name))
    return runs, notes
