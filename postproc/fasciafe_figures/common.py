"""Shared pieces of the figure scripts: input errors, reading a run, the
release time, and the staging folder that makes the output all-or-nothing.
"""

import csv
import json
import math
import os
import shutil
import tempfile

import fasciafe_results
import figure_style


class InputError(Exception):
    """Bad input: printed as `fasciafe figures: error: <message>`, exit 2."""


def is_run(path):
    return os.path.isfile(os.path.join(path, "run.json")) and os.path.isfile(
        os.path.join(path, "history.csv")
    )


def is_sweep(path):
    return os.path.isfile(os.path.join(path, "sweep.json")) and os.path.isfile(
        os.path.join(path, "summary.csv")
    )


def is_calibration(path):
    return os.path.isfile(os.path.join(path, "calibration.h5"))


def detect_kind(path):
    """'run', 'sweep' or 'calibration'; InputError for anything else."""
    if not os.path.isdir(path):
        raise InputError(f"'{path}' is not a directory")
    if is_run(path):
        return "run"
    if is_sweep(path):
        return "sweep"
    if is_calibration(path):
        return "calibration"
    raise InputError(
        f"'{path}' is not a FasciaFE run (run.json + history.csv), sweep "
        "(sweep.json + summary.csv) or calibration (calibration.h5)"
    )


class Run:
    """One run directory: history columns and units, run.json."""

    def __init__(self, path):
        self.path = path
        if not is_run(path):
            raise InputError(
                f"'{path}' is not a FasciaFE run directory (no run.json "
                "and history.csv)"
            )
        history_path = os.path.join(path, "history.csv")
        try:
            self.columns, self.units = fasciafe_results.load_history(path)
        except (ValueError, OSError, StopIteration) as error:
            raise InputError(f"{history_path}: cannot be read ({error})")
        if not self.columns or not self.columns.get("time"):
            raise InputError(f"{history_path}: no rows or no 'time' column")
        try:
            self.info = fasciafe_results.load_run_info(path)
        except (ValueError, OSError) as error:
            raise InputError(f"{os.path.join(path, 'run.json')}: {error}")
        self.name = os.path.basename(os.path.normpath(path))

    def require(self, *names):
        """The columns `names` (lists of floats); InputError naming the
        first missing one."""
        for name in names:
            if name not in self.columns:
                raise InputError(
                    f"{os.path.join(self.path, 'history.csv')}: no column "
                    f"'{name}'"
                )
        return [self.columns[name] for name in names]

    def has(self, name):
        return name in self.columns

    def unit(self, name):
        return self.units.get(name, "")

    def parameter(self, path, default=None):
        try:
            return fasciafe_results.parameter(self.info, path)
        except (KeyError, TypeError):
            return default

    def release_threshold(self):
        value = self.parameter("Target region/Release threshold", "0.5")
        try:
            return float(value)
        except ValueError:
            raise InputError(
                f"{os.path.join(self.path, 'run.json')}: Target region/"
                f"Release threshold '{value}' is not a number"
            )

    def release_time(self):
        """First history time at which lambda_mean_target < the release
        threshold (interface 1 of the brief), None if never or without a
        target region."""
        if not self.has("lambda_mean_target"):
            return None
        threshold = self.release_threshold()
        for t, value in zip(self.columns["time"],
                            self.columns["lambda_mean_target"]):
            if value < threshold:
                return t
        return None


def number(text):
    """float(text), NaN for an empty cell or 'never'/'nan'."""
    text = (text or "").strip()
    if text == "" or text.lower() in ("never", "nan"):
        return math.nan
    return float(text)


def format_value(value):
    """A sidecar CSV cell: floats with 17 significant digits (exact)."""
    if isinstance(value, float):
        return "nan" if math.isnan(value) else repr(value)
    return str(value)


class Staging:
    """Figures are written to a temporary folder next to the destination
    and moved into it only when every figure is complete: an error leaves
    the destination as it was."""

    def __init__(self, destination):
        self.destination = os.path.abspath(destination)
        parent = os.path.dirname(self.destination)
        if not os.path.isdir(parent):
            raise InputError(f"--output: the folder '{parent}' does not exist")
        self.folder = tempfile.mkdtemp(
            prefix=".figures.tmp.", dir=parent
        )
        self.files = []

    def path(self, name):
        return os.path.join(self.folder, name)

    def save_figure(self, fig, name, header, units, rows):
        """NAME.png + NAME.pdf of fig and the sidecar NAME.csv with its data
        (line 1 '# units: ...', line 2 the header, like history.csv)."""
        figure_style.save(fig, self.path(name))
        self.write_csv(name + ".csv", header, units, rows)
        self.files += [name + ".png", name + ".pdf"]

    def write_csv(self, filename, header, units, rows):
        if len(units) != len(header):
            raise ValueError("one unit per column")
        with open(self.path(filename), "w", newline="") as f:
            f.write("# units: " + ",".join(units) + "\n")
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for row in rows:
                writer.writerow([format_value(v) for v in row])
        self.files.append(filename)

    def write_text(self, filename, text):
        with open(self.path(filename), "w") as f:
            f.write(text)
        self.files.append(filename)

    def write_json(self, filename, data):
        self.write_text(filename, json.dumps(data, indent=2) + "\n")

    def commit(self):
        """Move every file into the destination (each by a rename); return
        their final paths."""
        os.makedirs(self.destination, exist_ok=True)
        final = []
        for name in self.files:
            target = os.path.join(self.destination, name)
            os.replace(self.path(name), target)
            final.append(target)
        self.discard()
        return final

    def discard(self):
        shutil.rmtree(self.folder, ignore_errors=True)
