"""Threshold calibration of the detection rules against the ground truth.

For every rule and scanned threshold, every run gives one outcome:

  released run (true release time t_r):
    on time   detected at t_d >= t_r      latency t_d - t_r [s]
    early     detected at t_d <  t_r      (a false early detection)
    missed    not detected in the window
  run that never releases:
    false alarm   detected
    rejection     not detected

Rates (per threshold): true_positive_rate = on time / released runs;
miss_rate = missed / released; early_rate = early / released;
false_positive_rate = (early + false alarms) / all runs (every run offers
the chance of a detection before the tissue has released); mean_latency =
mean of t_d - t_r over the on-time detections [s]. A rate whose
denominator is 0 is NaN.

Recommendation (per tip, depth class and rule): the threshold minimising,
lexicographically, (1) the number of early detections and false alarms,
(2) the number of missed releases, (3) the mean latency (no on-time
detection: +inf); among thresholds tied on all three, the median of the
tied ones (the middle of the plateau, farthest from its edges).
"""

import math

import numpy as np

from . import InputError

COST = ("lexicographic: (1) fewest early detections + false alarms, "
        "(2) fewest missed releases, (3) least mean latency; ties: the "
        "median of the tied thresholds")


class Evaluated:
    """Everything calibration needs of one run."""

    def __init__(self, run, signal, release_time, tip, depth):
        self.run = run
        self.signal = signal
        self.release_time = release_time
        self.tip = tip
        self.depth = depth
        self.group = None


def evaluate_runs(runs, config):
    """Ground truth, signal, tip and depth of every run (InputError naming
    the run for missing columns or parameters)."""
    out = []
    for run in runs:
        rt = config.ground_truth.release_time(run)
        sig = config.signal_model.sample(run)
        tip = run.parameter("Tip/Shape", "unknown") or "unknown"
        depth = float(np.max(run.column("depth", "the depth class")))
        out.append(Evaluated(run, sig, rt, tip, depth))
    return out


def assign_groups(evaluated, edges):
    """Groups (tip, depth_min, depth_max) [m]; sets e.group (index).
    Without edges every tip has one class spanning its runs' depths."""
    groups = []
    for e in evaluated:
        if edges:
            k = None
            for i, (lo, hi) in enumerate(zip(edges[:-1], edges[1:])):
                last = i == len(edges) - 2
                if lo <= e.depth < hi or (last and e.depth == hi):
                    k = i
            if k is None:
                raise InputError(f"run '{e.run.name}': its depth "
                                 f"{e.depth:g} m lies outside the depth "
                                 f"classes {edges} m")
            key = (e.tip, float(edges[k]), float(edges[k + 1]))
        else:
            d = [x.depth for x in evaluated if x.tip == e.tip]
            key = (e.tip, float(min(d)), float(max(d)))
        if key not in groups:
            groups.append(key)
        e.group = groups.index(key)
    order = sorted(range(len(groups)), key=lambda i: groups[i])
    remap = {old: new for new, old in enumerate(order)}
    for e in evaluated:
        e.group = remap[e.group]
    return [groups[i] for i in order]


def detection_matrix(rule, thresholds, evaluated):
    """(times [n_thresholds x n_runs], applicable [n_runs]); NaN: none."""
    det = np.full((len(thresholds), len(evaluated)), np.nan)
    app = np.zeros(len(evaluated), dtype=bool)
    for j, e in enumerate(evaluated):
        if rule.applies(e.signal):
            app[j] = True
            det[:, j] = rule.detect_many(e.signal, thresholds)
    return det, app


def statistics(det, release, thresholds):
    """Per-threshold counts and rates (see module doc). release: true
    release times, NaN for never; det: [n_thr x n_runs]."""
    released = ~np.isnan(release)
    n_runs = det.shape[1]
    n_rel = int(released.sum())
    found = ~np.isnan(det)
    with np.errstate(invalid="ignore"):
        on_time = found & released & (det >= release)
        early = found & released & (det < release)
    missed = ~found & released
    alarm = found & ~released
    s = {
        "threshold": np.asarray(thresholds, dtype=float),
        "n_on_time": on_time.sum(axis=1),
        "n_early": early.sum(axis=1),
        "n_missed": missed.sum(axis=1),
        "n_false_alarm": alarm.sum(axis=1),
    }

    def rate(count, n):
        return count / n if n else np.full(len(thresholds), np.nan)

    s["true_positive_rate"] = rate(s["n_on_time"], n_rel)
    s["miss_rate"] = rate(s["n_missed"], n_rel)
    s["early_rate"] = rate(s["n_early"], n_rel)
    s["false_positive_rate"] = rate(s["n_early"] + s["n_false_alarm"],
                                    n_runs)
    lat = np.where(on_time, det - np.nan_to_num(release), 0.)
    with np.errstate(invalid="ignore", divide="ignore"):
        s["mean_latency"] = np.where(
            s["n_on_time"] > 0, lat.sum(axis=1) / s["n_on_time"], np.nan)
    s["n_runs"] = n_runs
    s["n_released"] = n_rel
    return s


def recommend(stats):
    """Index of the recommended threshold (see module doc)."""
    lat = np.where(np.isnan(stats["mean_latency"]), math.inf,
                   stats["mean_latency"])
    keys = list(zip(stats["n_early"] + stats["n_false_alarm"],
                    stats["n_missed"], lat))
    best = min(keys)
    tied = [i for i, k in enumerate(keys) if k == best]
    return tied[(len(tied) - 1) // 2]


def calibrate(evaluated, config):
    """Returns a dict: groups, per rule the global ROC statistics, the
    per-group statistics, the detection matrices, and the table."""
    groups = assign_groups(evaluated, config.depth_classes)
    release = np.array([np.nan if e.release_time is None else e.release_time
                        for e in evaluated])
    gidx = np.array([e.group for e in evaluated])
    result = {"groups": groups, "release": release, "group_index": gidx,
              "rules": {}, "table": []}
    for rule, thresholds in config.rules:
        det, app = detection_matrix(rule, thresholds, evaluated)
        entry = {"rule": rule, "thresholds": thresholds, "detections": det,
                 "applicable": app, "groups": {}}
        if app.any():
            entry["roc"] = statistics(det[:, app], release[app], thresholds)
        result["rules"][rule.name] = entry
        for g, (tip, dmin, dmax) in enumerate(groups):
            cols = app & (gidx == g)
            if not cols.any():
                continue
            st = statistics(det[:, cols], release[cols], thresholds)
            i = recommend(st)
            entry["groups"][g] = (st, i)
            result["table"].append({
                "tip": tip, "depth_min": dmin, "depth_max": dmax,
                "rule": rule.name, "threshold": float(thresholds[i]),
                "threshold_unit": rule.threshold_unit,
                "expected_latency": _num(st["mean_latency"][i]),
                "miss_rate": _num(st["miss_rate"][i]),
                "early_rate": _num(st["early_rate"][i]),
                "false_positive_rate": _num(st["false_positive_rate"][i]),
                "n_runs": int(st["n_runs"]),
                "n_released": int(st["n_released"]),
            })
    if not result["table"]:
        raise InputError("no rule applies to any run (check signal.measure "
                         "and rules.use)")
    return result


def _num(x):
    x = float(x)
    return None if math.isnan(x) else x


def recommended_threshold(result, rule_name, group):
    """Threshold recommended for `rule_name` in group index `group`, or
    None."""
    entry = result["rules"][rule_name]
    if group not in entry["groups"]:
        return None
    st, i = entry["groups"][group]
    return float(entry["thresholds"][i])
