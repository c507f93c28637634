"""Curves of one run (force, depth, lambda, released volume against time)
and the panels comparing runs, e.g. a hold with a roll.

Every curve is plotted from the history.csv columns; the sidecar CSV holds
those columns unchanged (SI units), the plot scales them to readable units
(mm, mm^3). The release marker is the first time at which
lambda_mean_target < Target region/Release threshold (interface 1).
"""

import numpy as np

import figure_style
from fasciafe_figures.common import InputError

#: Plot scale and plot unit of SI units (the sidecar keeps SI).
_DISPLAY = {
    "m": (1e3, "mm"),
    "m^2": (1e6, "mm$^2$"),
    "m^3": (1e9, "mm$^3$"),
    "Pa": (1e-3, "kPa"),
}


def display(unit):
    """(scale, unit) to plot a quantity given in the SI unit `unit`."""
    return _DISPLAY.get(unit, (1.0, unit))


def _release_marker(ax, run, x, y, scale, color):
    """Dotted vertical line and a dot at the release time, if any."""
    t = run.release_time()
    if t is None:
        return None
    ax.axvline(t, color=color, linestyle=":", linewidth=0.8)
    ax.plot([t], [np.interp(t, x, y) * scale], "o", color=color,
            markersize=3.5, linestyle="none")
    return t


def _curve(staging, run, name, column, quantity, columns):
    """One history column against time with the release marker."""
    time, values = run.require("time", column)
    unit = run.unit(column)
    scale, shown = display(unit)
    fig, ax = figure_style.new_figure(columns)
    color = figure_style.OKABE_ITO[0]
    ax.plot(time, np.asarray(values) * scale, color=color)
    t = _release_marker(ax, run, time, values, scale,
                        figure_style.OKABE_ITO[1])
    if t is not None:
        ax.annotate("release", (t, ax.get_ylim()[1]), xytext=(2, -8),
                    textcoords="offset points", fontsize=6.5,
                    color=figure_style.OKABE_ITO[1])
    ax.set_xlabel(figure_style.label("time", "s"))
    ax.set_ylabel(figure_style.label(quantity, shown))
    staging.save_figure(fig, name, ["time", column],
                        ["s", unit], zip(time, values))
    return {"name": name, "columns": ["time", column], "release_time": t}


def _lambda_columns(run):
    """The lambda columns of the lambda figure: the target region's if the
    run has one, else the layer minima."""
    if run.has("lambda_min_target"):
        return ["lambda_min_target", "lambda_mean_target"]
    layers = [c for c in run.columns if c.startswith("lambda_min_")]
    if not layers:
        raise InputError(
            f"{run.path}/history.csv: no lambda column (lambda_min_target or "
            "lambda_min_<layer>)"
        )
    return layers


def lambda_time(staging, run, columns):
    """lambda (target minimum and mean, or layer minima) against time, with
    the release threshold and the release marker."""
    names = _lambda_columns(run)
    time = run.require("time")[0]
    fig, ax = figure_style.new_figure(columns)
    for name in names:
        label = name.replace("lambda_", "").replace("_", " ")
        ax.plot(time, run.columns[name], label=label)
    threshold = run.release_threshold()
    ax.axhline(threshold, color="0.5", linewidth=0.6, linestyle="-")
    ax.annotate(f"release threshold {threshold:g}", (time[0], threshold),
                xytext=(2, 2), textcoords="offset points", fontsize=6.5,
                color="0.35")
    t = None
    if run.has("lambda_mean_target"):
        t = _release_marker(ax, run, time, run.columns["lambda_mean_target"],
                            1.0, "0.2")
    ax.set_ylim(-0.02, 1.05)
    ax.set_xlabel(figure_style.label("time", "s"))
    ax.set_ylabel(figure_style.label("structure parameter λ", "1"))
    ax.legend(loc="lower left")
    rows = zip(time, *[run.columns[n] for n in names])
    staging.save_figure(fig, "lambda_time", ["time"] + names,
                        ["s"] + ["1"] * len(names), rows)
    return {"name": "lambda_time", "columns": ["time"] + names,
            "release_time": t, "release_threshold": threshold}


def run_figures(staging, run, columns):
    """The curve figures of one run; returns their manifest entries."""
    entries = [
        _curve(staging, run, "force_time", "force_z", "force", columns),
        _curve(staging, run, "depth_time", "depth", "depth", columns),
        lambda_time(staging, run, columns),
    ]
    volume = ("released_volume_target" if run.has("released_volume_target")
              else "released_volume")
    if run.has(volume):
        entries.append(_curve(staging, run, "released_volume_time", volume,
                              "released volume", columns))
    return entries


#: Panels of the comparison: (column, fallback column, quantity).
_PANELS = [
    ("force_z", None, "force"),
    ("depth", None, "depth"),
    ("lambda_mean_target", "lambda_min_", "mean λ in target"),
    ("released_volume_target", "released_volume", "released volume"),
    ("contact_area", None, "contact area"),
    ("tip_x", None, "tip position x"),
]


def _panel_column(runs, column, fallback):
    if all(r.has(column) for r in runs):
        return column
    if fallback and fallback.endswith("_"):
        common = [c for c in runs[0].columns if c.startswith(fallback)
                  and all(r.has(c) for r in runs)]
        if common:
            return common[0]
    elif fallback and all(r.has(fallback) for r in runs):
        return fallback
    missing = next(r for r in runs if not r.has(column))
    raise InputError(f"{missing.path}/history.csv: no column '{column}'")


def compare(staging, runs, labels, columns):
    """Panels comparing runs (e.g. a hold and a roll) on shared time axes."""
    picked = [(_panel_column(runs, c, f), q) for c, f, q in _PANELS]
    fig, axes = figure_style.new_panels(columns, 3, 2, aspect=0.95,
                                        sharex=True)
    header = ["run", "time"] + [c for c, _ in picked]
    units = ["-", "s"] + [runs[0].unit(c) for c, _ in picked]
    rows = []
    for k, (run, text) in enumerate(zip(runs, labels)):
        color = figure_style.OKABE_ITO[k % len(figure_style.OKABE_ITO)]
        style = ["-", "--", "-.", ":"][k % 4]
        time = run.columns["time"]
        for ax, (column, quantity) in zip(axes.flat, picked):
            scale, shown = display(run.unit(column))
            values = run.columns[column]
            ax.plot(time, np.asarray(values) * scale, color=color,
                    linestyle=style, label=text)
            _release_marker(ax, run, time, values, scale, color)
            ax.set_ylabel(figure_style.label(quantity, shown))
        rows += [[text] + list(v) for v in
                 zip(time, *[run.columns[c] for c, _ in picked])]
    for k, ax in enumerate(axes.flat):
        ax.set_title(f"({chr(ord('a') + k)})", loc="left")
    for ax in axes[-1]:
        ax.set_xlabel(figure_style.label("time", "s"))
    axes.flat[0].legend(loc="best")
    staging.save_figure(fig, "compare", header, units, rows)
    return {"name": "compare", "runs": [r.path for r in runs],
            "labels": list(labels), "columns": header[2:],
            "release_times": [r.release_time() for r in runs]}
