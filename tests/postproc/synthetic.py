"""Synthetic signals and run directories for the release-detection tests.

exponential_signal(): F(t) = F_inf + A exp(-t / T) sampled by a
SignalModel. write_run(): a run directory (run.json, history.csv or
history.h5) of a displacement-controlled ramp-hold-unload whose force
relaxes exponentially during the hold while lambda_mean_target falls as
1 - (1 - lambda_ss)(1 - exp(-k (t - t_ramp))) (the Moore form at constant
driver, physics.md section 3), so its true release time is known in
closed form."""

import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "postproc"))

from release.signal import Signal  # noqa: E402


def exponential_signal(model, f_inf, amplitude, decay, t_end, name="syn"):
    """The Signal of F_inf + A exp(-t/T) on [0, t_end] (window the whole
    record) through `model` (SignalModel)."""
    t = model.sample_times(0., t_end)
    x = f_inf + amplitude * np.exp(-t / decay)
    f = model.process(t, x, model.force, model.rng(name))
    return Signal(name, t, model.dt, f, None, x, None, (0., t_end),
                  "displacement")


def rate_crossing(f_inf, amplitude, decay, threshold, window):
    """Time [s] at which the backward-difference relative rate
    (F(t - w) - F(t)) / (w F(t)) of F_inf + A exp(-t/T) falls to the
    threshold: with u = A exp(-t/T), u (e^{w/T} - 1) / w = r (F_inf + u)."""
    g = (math.exp(window / decay) - 1.) / window
    u = threshold * f_inf / (g - threshold)
    return decay * math.log(amplitude / u)


def history(depth, hold, ramp=1.0, unload=1.0, dt=0.1, f_peak=0.05,
            relax=0.3, t_relax=4.0, lam_ss=0.3, k=0.1):
    """Columns of a synthetic ramp-hold-unload run."""
    t_end = ramp + hold + unload
    t = np.round(np.arange(0., t_end + 0.5 * dt, dt), 10)
    phase = np.where(t < ramp, 0, np.where(t < ramp + hold, 1, 2))
    d = np.interp(t, [0., ramp, ramp + hold, t_end], [0., depth, depth, 0.])
    scale = (depth / 0.002) ** 1.5
    s = np.clip(t - ramp, 0., hold)
    f = f_peak * scale * (1. - relax * (1. - np.exp(-s / t_relax)))
    f = np.where(t < ramp, f_peak * scale * (t / ramp) ** 1.5, f)
    f = np.where(t > ramp + hold,
                 f[phase == 1][-1] * np.clip(d / depth, 0., 1.) ** 1.5, f)
    ks = k * scale
    lam = 1. - (1. - lam_ss) * (1. - np.exp(-ks * s))
    vol = np.where(lam < 0.5, 1e-7 * (0.5 - lam), 0.)
    return {"time": t, "step": np.arange(len(t), dtype=float),
            "phase": phase.astype(float), "depth": d, "force_z": f,
            "lambda_mean_target": lam, "released_volume_target": vol}


def release_time(cols, level=0.5):
    i = np.flatnonzero(cols["lambda_mean_target"] < level)
    return float(cols["time"][i[0]]) if i.size else None


UNITS = {"time": "s", "step": "1", "phase": "1", "depth": "m",
         "force_z": "N", "lambda_mean_target": "1",
         "released_volume_target": "m^3"}


def write_run(directory, cols, hold, ramp=1.0, unload=1.0, tip="sphere",
              fmt="csv", drop=()):
    """Write run.json and history.csv (or .h5) with `cols` minus `drop`."""
    os.makedirs(directory, exist_ok=True)
    t_end = ramp + hold + unload
    params = {
        "Tip": {"Shape": {"value": tip}},
        "Target region": {"Release threshold": {"value": "0.5"}},
        "Protocol": {"Type": {"value": "ramp-hold-unload"},
                     "Hold time": {"value": repr(hold)}},
    }
    info = {"status": "completed", "end_time": repr(t_end),
            "parameters": params}
    with open(os.path.join(directory, "run.json"), "w") as f:
        json.dump(info, f)
    names = [n for n in cols if n not in drop]
    if fmt == "csv":
        with open(os.path.join(directory, "history.csv"), "w") as f:
            f.write("# units: " + ",".join(UNITS[n] for n in names) + "\n")
            f.write(",".join(names) + "\n")
            for i in range(len(cols["time"])):
                f.write(",".join(repr(float(cols[n][i])) for n in names)
                        + "\n")
    else:
        import h5py
        with h5py.File(os.path.join(directory, "history.h5"), "w") as f:
            f.attrs["format"] = "fasciafe-history"
            f.attrs["columns"] = ",".join(names)
            g = f.create_group("history")
            for n in names:
                g.create_dataset(n, data=cols[n]).attrs["unit"] = UNITS[n]
