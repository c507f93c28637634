"""Calibration figures from OUT/calibration.h5 (interface 2): the ROC of
every release-detection rule (true against false positive rate over the
scanned thresholds) and the latency trade-off (mean detection latency
against false positive rate). Recommended thresholds from
OUT/calibration.csv, if present, are marked on the ROC.
"""

import csv
import os

import h5py
import numpy as np

import figure_style
from fasciafe_figures.common import InputError

DATASETS = ["threshold", "true_positive_rate", "false_positive_rate",
            "mean_latency", "early_rate", "miss_rate"]


def load_roc(path):
    """{rule: {dataset: array, 'threshold_unit': str}} of calibration.h5."""
    filename = os.path.join(path, "calibration.h5")
    try:
        f = h5py.File(filename, "r")
    except OSError as error:
        raise InputError(f"{filename}: cannot be read as HDF5 ({error})")
    rules = {}
    with f:
        if "roc" not in f or not isinstance(f["roc"], h5py.Group):
            raise InputError(f"{filename}: no group /roc")
        for rule, group in f["roc"].items():
            data = {}
            for name in DATASETS:
                if name not in group:
                    raise InputError(f"{filename}: no dataset /roc/{rule}/"
                                     f"{name}")
                data[name] = np.asarray(group[name][()], dtype=float)
            lengths = {len(v) for v in data.values()}
            if len(lengths) != 1 or 0 in lengths:
                raise InputError(f"{filename}: the datasets of /roc/{rule} "
                                 "are empty or differ in length")
            unit = group.attrs.get("threshold_unit", "-")
            data["threshold_unit"] = (unit.decode() if isinstance(unit, bytes)
                                      else str(unit))
            rules[rule] = data
    if not rules:
        raise InputError(f"{filename}: /roc holds no rule")
    return rules


def load_recommended(path):
    """(rule, threshold) pairs of calibration.csv, [] without the file."""
    filename = os.path.join(path, "calibration.csv")
    if not os.path.isfile(filename):
        return []
    with open(filename, newline="") as f:
        lines = [l for l in f.read().splitlines() if not l.startswith("#")]
    pairs = []
    for row in csv.DictReader(lines):
        try:
            pairs.append((row["rule"], float(row["threshold"])))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{filename}: a row without a numeric "
                             "'threshold' or without 'rule'")
    return pairs


def calibration_figures(staging, path, columns):
    rules = load_roc(path)
    recommended = load_recommended(path)
    fig, ax = figure_style.new_figure(columns, aspect=0.9)
    fig2, ax2 = figure_style.new_figure(columns)
    rows = []
    for k, (rule, d) in enumerate(sorted(rules.items())):
        color = figure_style.OKABE_ITO[k % len(figure_style.OKABE_ITO)]
        order = np.lexsort((d["true_positive_rate"], d["false_positive_rate"]))
        fpr, tpr = d["false_positive_rate"][order], d["true_positive_rate"][order]
        ax.plot(fpr, tpr, color=color, marker="o", markersize=2,
                label=f"{rule} ({d['threshold_unit']})")
        ax2.plot(fpr, d["mean_latency"][order], color=color, marker="o",
                 markersize=2, label=rule)
        by_threshold = np.argsort(d["threshold"])
        for r, threshold in recommended:
            if r == rule:
                x = np.interp(threshold, d["threshold"][by_threshold],
                              d["false_positive_rate"][by_threshold])
                y = np.interp(threshold, d["threshold"][by_threshold],
                              d["true_positive_rate"][by_threshold])
                ax.plot([x], [y], "x", color=color, markersize=5)
        rows += [[rule, d["threshold_unit"]] + [d[n][i] for n in DATASETS]
                 for i in range(len(d["threshold"]))]
    ax.plot([0, 1], [0, 1], color="0.6", linewidth=0.6, linestyle="--")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(figure_style.label("false positive rate", "1"))
    ax.set_ylabel(figure_style.label("true positive rate", "1"))
    ax.legend(loc="lower right")
    ax2.set_xlabel(figure_style.label("false positive rate", "1"))
    ax2.set_ylabel(figure_style.label("mean detection latency", "s"))
    ax2.legend(loc="best")
    header = ["rule", "threshold_unit"] + DATASETS
    units = ["-", "-", "see threshold_unit", "1", "1", "s", "1", "1"]
    staging.save_figure(fig, "calibration_roc", header, units, rows)
    staging.save_figure(fig2, "calibration_latency", header, units, rows)
    return [{"name": "calibration_roc", "rules": sorted(rules),
             "recommended": recommended},
            {"name": "calibration_latency", "rules": sorted(rules)}]
