"""Sweep figures from DIR/sweep.json + DIR/summary.csv (interface 1).

One figure per metric (default: released_volume_target_max, release_time,
peak_force), its layout chosen from the sweep axes:
  - one numeric axis: the metric against the axis value (line);
  - one categorical axis (e.g. Tip/Shape): bars;
  - two numeric axes (e.g. hold time x depth): a heatmap, each cell
    annotated with its value; 'never' and failed cases grey;
  - two axes of which one is categorical: grouped bars;
  - more axes: one figure per combination of the values of axes 3, 4, ...
"""

import csv
import itertools
import json
import math
import os

import matplotlib
import numpy as np

import figure_style
from fasciafe_figures.common import InputError, number
from fasciafe_figures.plots_run import display

DEFAULT_METRICS = ["released_volume_target_max", "release_time", "peak_force"]

_METRIC_NAMES = {
    "peak_force": "peak force",
    "final_force": "final force",
    "force_drop_percent": "force drop",
    "release_time": "time to release",
    "released_volume_target_max": "released volume in target",
    "lambda_min_target": "minimum λ in target",
    "dissipated_energy": "dissipated energy",
    "newton_iterations": "Newton iterations",
    "wall_time": "wall time",
}


def _key(value):
    """Comparable form of an axis value: float if numeric, else the text."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value).strip()


class Sweep:
    """sweep.json and summary.csv of a sweep directory."""

    def __init__(self, path):
        self.path = path
        json_path = os.path.join(path, "sweep.json")
        csv_path = os.path.join(path, "summary.csv")
        self.csv_path = csv_path
        try:
            with open(json_path) as f:
                self.info = json.load(f)
        except (OSError, ValueError) as error:
            raise InputError(f"{json_path}: cannot be read ({error})")
        if self.info.get("format") != "fasciafe-sweep":
            raise InputError(f"{json_path}: format is not 'fasciafe-sweep'")
        try:
            self.axes = [(a["parameter"], list(a["values"]))
                         for a in self.info["axes"]]
        except (KeyError, TypeError):
            raise InputError(f"{json_path}: 'axes' is not a list of "
                             "{parameter, values}")
        if not self.axes or any(not v for _, v in self.axes):
            raise InputError(f"{json_path}: no axis or an axis without values")
        with open(csv_path, newline="") as f:
            lines = f.read().splitlines()
        if len(lines) < 2 or not lines[0].startswith("# units:"):
            raise InputError(f"{csv_path}: first line is not '# units: ...'")
        self.header = next(csv.reader([lines[1]]))
        units = lines[0][len("# units:"):].strip().split(",")
        if len(units) != len(self.header):
            raise InputError(f"{csv_path}: {len(units)} units for "
                             f"{len(self.header)} columns")
        self.units = dict(zip(self.header, units))
        self.rows = [dict(zip(self.header, r))
                     for r in csv.reader(lines[2:]) if r]
        if not self.rows:
            raise InputError(f"{csv_path}: no case rows")
        for column in ["case", "status"] + [p for p, _ in self.axes]:
            self.require(column)

    def require(self, column):
        if column not in self.header:
            raise InputError(f"{self.csv_path}: no column '{column}'")

    def numeric(self, axis):
        return all(isinstance(_key(v), float) for v in self.axes[axis][1])

    def row(self, fixed):
        """The row whose axis values equal `fixed` (parameter -> value)."""
        for r in self.rows:
            if all(_key(r[p]) == _key(v) for p, v in fixed.items()):
                return r
        return None


def _cell(row, metric):
    """(value in SI or NaN, text for an annotation)."""
    if row is None:
        return math.nan, "missing"
    text = row[metric].strip()
    if row["status"].strip() != "done" or text == "":
        return math.nan, "failed"
    if text.lower() == "never":
        return math.nan, "never"
    return number(text), ""


def _axis_label(sweep, parameter):
    """Axis label of a sweep parameter, in the plot unit (m -> mm)."""
    unit = display(sweep.units.get(parameter, "-"))[1]
    return figure_style.label(parameter.split("/")[-1], unit)


def _ticks(sweep, axis):
    """Tick texts of an axis' values, numbers in the plot unit."""
    parameter, values = sweep.axes[axis]
    if not sweep.numeric(axis):
        return [str(v) for v in values]
    scale = display(sweep.units.get(parameter, "-"))[0]
    return [f"{float(v) * scale:g}" for v in values]


def _heatmap(ax, fig, sweep, metric, xa, ya, fixed, scale, unit):
    (xp, xv), (yp, yv) = sweep.axes[xa], sweep.axes[ya]
    grid = np.full((len(yv), len(xv)), np.nan)
    notes = {}
    for i, y in enumerate(yv):
        for j, x in enumerate(xv):
            value, note = _cell(sweep.row({**fixed, xp: x, yp: y}), metric)
            grid[i, j] = value * scale
            notes[i, j] = note
    cmap = matplotlib.colormaps[
        figure_style.FIELD_CMAPS["heatmap"]].copy()
    cmap.set_bad("0.85")
    image = ax.imshow(np.ma.masked_invalid(grid), origin="lower",
                      cmap=cmap, aspect="auto")
    finite = grid[np.isfinite(grid)]
    middle = (finite.min() + finite.max()) / 2 if finite.size else 0
    for (i, j), note in notes.items():
        text = note or f"{grid[i, j]:.3g}"
        light = note == "" and grid[i, j] < middle
        ax.text(j, i, text, ha="center", va="center", fontsize=6,
                color="white" if light else "black")
    ax.set_xticks(range(len(xv)), _ticks(sweep, xa))
    ax.set_yticks(range(len(yv)), _ticks(sweep, ya))
    ax.set_xlabel(_axis_label(sweep, xp))
    ax.set_ylabel(_axis_label(sweep, yp))
    ax.spines[["top", "right"]].set_visible(True)
    bar = fig.colorbar(image, ax=ax)
    bar.set_label(figure_style.label(_METRIC_NAMES.get(metric, metric), unit))


def _bars_or_line(ax, sweep, metric, xa, group, fixed, scale, unit):
    """Bars over a categorical axis xa (grouped by the values of axis
    `group`, if any), or a line over a numeric one."""
    xp, xv = sweep.axes[xa]
    groups = [None] if group is None else sweep.axes[group][1]
    width = 0.8 / len(groups)
    line = sweep.numeric(xa) and group is None
    for k, g in enumerate(groups):
        where = dict(fixed, **({} if g is None else {sweep.axes[group][0]: g}))
        cells = [_cell(sweep.row({**where, xp: x}), metric) for x in xv]
        values = np.array([c[0] for c in cells]) * scale
        color = figure_style.OKABE_ITO[k % len(figure_style.OKABE_ITO)]
        label = None if g is None else _ticks(sweep, group)[k]
        if line:
            xscale = display(sweep.units.get(xp, "-"))[0]
            xs = np.array([float(x) * xscale for x in xv])
            ax.plot(xs, values, "o-", color=color, label=label)
        else:
            xs = np.arange(len(xv)) + (k - (len(groups) - 1) / 2) * width
            ax.bar(xs, np.nan_to_num(values), width * 0.9, color=color,
                   label=label)
        for x, (v, note) in zip(xs, cells):
            if note:
                ax.annotate(note, (x, 0), xytext=(0, 2),
                            textcoords="offset points", ha="center",
                            fontsize=6, rotation=90, color="0.3")
    if not line:
        ax.set_xticks(range(len(xv)), _ticks(sweep, xa))
    ax.set_xlabel(_axis_label(sweep, xp))
    ax.set_ylabel(figure_style.label(_METRIC_NAMES.get(metric, metric), unit))
    if group is not None:
        ax.legend(title=_axis_label(sweep, sweep.axes[group][0]))


def sweep_figures(staging, sweep, metrics, columns):
    """One figure per metric (and per value combination of axes 3, ...)."""
    for metric in metrics:
        sweep.require(metric)
    n = len(sweep.axes)
    extra = list(itertools.product(*[v for _, v in sweep.axes[2:]]))
    entries = []
    for metric in metrics:
        scale, unit = display(sweep.units.get(metric, ""))
        for k, combination in enumerate(extra):
            fixed = {p: v for (p, _), v in zip(sweep.axes[2:], combination)}
            name = f"sweep_{metric}" + (f"_{k}" if len(extra) > 1 else "")
            fig, ax = figure_style.new_figure(columns)
            if n == 1:
                kind = "line" if sweep.numeric(0) else "bars"
                _bars_or_line(ax, sweep, metric, 0, None, fixed, scale, unit)
            elif sweep.numeric(0) and sweep.numeric(1):
                kind = "heatmap"
                _heatmap(ax, fig, sweep, metric, 0, 1, fixed, scale, unit)
            else:
                kind = "grouped_bars"
                xa = 0 if not sweep.numeric(0) else 1
                _bars_or_line(ax, sweep, metric, xa, 1 - xa, fixed, scale,
                              unit)
            if fixed:
                ax.set_title(", ".join(f"{p.split('/')[-1]} = {v}"
                                       for p, v in fixed.items()))
            params = [p for p, _ in sweep.axes]
            rows = [[r["case"], r["status"]] + [r[p] for p in params]
                    + [r[metric]] for r in sweep.rows
                    if all(_key(r[p]) == _key(v) for p, v in fixed.items())]
            staging.save_figure(
                fig, name, ["case", "status"] + params + [metric],
                ["-", "-"] + [sweep.units.get(p, "-") for p in params]
                + [sweep.units.get(metric, "-")], rows)
            entries.append({"name": name, "kind": kind, "metric": metric,
                            "fixed": fixed})
    return entries
