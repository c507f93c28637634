"""Read FasciaFE results: history.csv, run.json and summary.txt.

Standard library only, so the verification scripts run anywhere. The
schema is documented in docs/output.md.
"""

import csv
import json
import os


def load_history(run_dir):
    """Return (columns, units) of DIR/history.csv.

    columns maps each column name to a list of floats; units maps it to its
    unit string.
    """
    path = os.path.join(run_dir, "history.csv")
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("# units:"):
        raise ValueError(f"{path}: first line is not '# units: ...'")
    unit_list = lines[0][len("# units:"):].strip().split(",")
    reader = csv.reader(lines[1:])
    header = next(reader)
    columns = {name: [] for name in header}
    for row in reader:
        for name, value in zip(header, row):
            columns[name].append(float(value))
    return columns, dict(zip(header, unit_list))


def load_run_info(run_dir):
    with open(os.path.join(run_dir, "run.json")) as f:
        return json.load(f)


def parameter(run_info, path):
    """Value (string) of a parameter, path "Section/Sub/Name"."""
    node = run_info["parameters"]
    for part in path.split("/"):
        if part not in node:
            raise KeyError(f"parameter '{path}' not in run.json")
        node = node[part]
    return node["value"]


def float_parameter(run_info, path):
    return float(parameter(run_info, path))


def phase(run_info, kind):
    """(t_start, t_end, values) of the first phase of this kind in
    Protocol/Phases (Type phases), values the floats after its duration.
    Only for phases given by a duration (not roll or slide, which are
    given by strokes). Raises ValueError if there is none.
    """
    t = 0.0
    for text in parameter(run_info, "Protocol/Phases").split(";"):
        words = text.split()
        if words[0] in ("roll", "slide"):
            raise ValueError(f"phase '{text.strip()}' has no duration")
        duration = float(words[1])
        if words[0] == kind:
            return t, t + duration, [float(w) for w in words[2:]]
        t += duration
    raise ValueError(f"no '{kind}' phase in Protocol/Phases")


def load_summary(run_dir):
    values = {}
    with open(os.path.join(run_dir, "summary.txt")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, value = line.split(None, 1)
                values[key] = value
    return values
