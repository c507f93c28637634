"""Calibration output files (schema: docs/release_detection.md), each
written under a temporary name in OUT and renamed when complete."""

import csv
import io
import json
import os

import numpy as np

from .calibration import COST

TABLE_COLUMNS = [
    ("tip", "-"), ("depth_min", "m"), ("depth_max", "m"), ("rule", "-"),
    ("threshold", "threshold_unit"), ("threshold_unit", "-"),
    ("expected_latency", "s"), ("miss_rate", "1"), ("early_rate", "1"),
    ("false_positive_rate", "1"), ("n_runs", "1"), ("n_released", "1"),
]
ROC_DATASETS = [
    ("threshold", None, "scanned threshold"),
    ("true_positive_rate", "1", "on-time detections / released runs"),
    ("false_positive_rate", "1",
     "(early detections + false alarms) / runs"),
    ("mean_latency", "s",
     "mean detection minus true release time over on-time detections"),
    ("early_rate", "1", "detections before the true release / released "
     "runs"),
    ("miss_rate", "1", "released runs without detection / released runs"),
    ("n_on_time", "1", "number of on-time detections"),
    ("n_early", "1", "number of early detections"),
    ("n_missed", "1", "number of missed releases"),
    ("n_false_alarm", "1", "detections in runs that never release"),
]


def tmp_name(path):
    d, b = os.path.split(path)
    return os.path.join(d, f".{b}.tmp.{os.getpid()}")


def write_text_atomic(path, text):
    tmp = tmp_name(path)
    with open(tmp, "w", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def table_json(result, config, evaluated):
    doc = {
        "format": "fasciafe-calibration",
        "format_version": 1,
        "unit_system": "SI",
        "cost": COST,
        "ground_truth": config.ground_truth.describe(),
        "configuration": config.as_dict(),
        "units": {k: u for k, u in TABLE_COLUMNS},
        "runs": [{"name": e.run.name, "tip": e.tip, "depth": e.depth,
                  "release_time": e.release_time} for e in evaluated],
        "table": result["table"],
    }
    return json.dumps(doc, indent=2, sort_keys=False) + "\n"


def table_csv(result):
    buf = io.StringIO()
    buf.write("# units: " + ",".join(u for _, u in TABLE_COLUMNS) + "\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([k for k, _ in TABLE_COLUMNS])
    for row in result["table"]:
        cells = []
        for k, _ in TABLE_COLUMNS:
            v = row[k]
            cells.append("" if v is None else
                         (repr(v) if isinstance(v, float) else str(v)))
        w.writerow(cells)
    return buf.getvalue()


def _roc_group(parent, name, rule, stats):
    g = parent.create_group(name)
    g.attrs["threshold_unit"] = rule.threshold_unit
    g.attrs["description"] = rule.description
    g.attrs["parameters"] = json.dumps(rule.params)
    g.attrs["n_runs"] = int(stats["n_runs"])
    g.attrs["n_released"] = int(stats["n_released"])
    for key, unit, desc in ROC_DATASETS:
        ds = g.create_dataset(key, data=np.asarray(stats[key]))
        ds.attrs["unit"] = unit or rule.threshold_unit
        ds.attrs["description"] = desc


def write_h5(path, result, config, evaluated):
    import h5py
    tmp = tmp_name(path)
    with h5py.File(tmp, "w", track_order=True) as f:
        f.attrs["format"] = "fasciafe-calibration"
        f.attrs["format_version"] = 1
        f.attrs["unit_system"] = "SI"
        f.attrs["cost"] = COST
        f.attrs["ground_truth"] = config.ground_truth.describe()
        f.attrs["configuration"] = json.dumps(config.as_dict())
        roc = f.create_group("roc")
        for name, entry in result["rules"].items():
            if "roc" in entry:
                _roc_group(roc, name, entry["rule"], entry["roc"])
        runs = f.create_group("runs")
        str_t = h5py.string_dtype()
        runs.create_dataset("name", data=[e.run.name for e in evaluated],
                            dtype=str_t).attrs["unit"] = "-"
        runs.create_dataset("tip", data=[e.tip for e in evaluated],
                            dtype=str_t).attrs["unit"] = "-"
        runs.create_dataset("depth", data=[e.depth for e in evaluated]
                            ).attrs["unit"] = "m"
        ds = runs.create_dataset("release_time", data=result["release"])
        ds.attrs["unit"] = "s"
        ds.attrs["description"] = "true release time; NaN: never"
        runs.create_dataset("group", data=result["group_index"]
                            ).attrs["unit"] = "1"
        det = f.create_group("detections")
        for name, entry in result["rules"].items():
            ds = det.create_dataset(name, data=entry["detections"])
            ds.attrs["unit"] = "s"
            ds.attrs["description"] = ("detection time per (threshold, run) "
                                       "as in /roc/<rule>/threshold and "
                                       "/runs; NaN: none or rule not "
                                       "applicable")
            ds.attrs["applicable"] = entry["applicable"].astype(np.int8)
        grp = f.create_group("groups")
        for k, (tip, dmin, dmax) in enumerate(result["groups"]):
            g = grp.create_group(f"{k:03d}")
            g.attrs["tip"] = tip
            g.attrs["depth_min"] = dmin
            g.attrs["depth_max"] = dmax
            g.attrs["depth_unit"] = "m"
            for name, entry in result["rules"].items():
                if k in entry["groups"]:
                    st, i = entry["groups"][k]
                    _roc_group(g, name, entry["rule"], st)
                    g[name].attrs["recommended_index"] = int(i)
        rec = f.create_group("recommended")
        for key, unit in TABLE_COLUMNS:
            vals = [row[key] for row in result["table"]]
            if key in ("tip", "rule", "threshold_unit"):
                ds = rec.create_dataset(key, data=vals, dtype=str_t)
            else:
                ds = rec.create_dataset(key, data=np.array(
                    [np.nan if v is None else v for v in vals], dtype=float))
            ds.attrs["unit"] = unit
    os.replace(tmp, path)


def write_all(out_dir, result, config, evaluated):
    """calibration.h5, calibration.json, calibration.csv in out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    write_h5(os.path.join(out_dir, "calibration.h5"), result, config,
             evaluated)
    write_text_atomic(os.path.join(out_dir, "calibration.json"),
                      table_json(result, config, evaluated))
    write_text_atomic(os.path.join(out_dir, "calibration.csv"),
                      table_csv(result))
