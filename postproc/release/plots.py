"""Figures of release detection (headless, matplotlib Agg), in the
project's figure style (postproc/figure_style.py):

  run figure   the force [N] (and the depth [m]) against time [s], the
               device's sampled record over the noise-free history, the
               hold window shaded, the true release (vertical line) and
               each rule's detection (marker) at the given thresholds;
               a last panel shows lambda_mean_target with its level;
  ROC figure   true-positive rate against false-positive rate per rule
               over the scanned thresholds (recommended point marked),
               and the mean latency against the threshold.
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))
import figure_style  # noqa: E402

MARKERS = {"force_drop": "v", "force_rate": "o", "creep_rate": "s",
           "combined": "D"}
# line styles keep rules visible where their curves coincide
STYLES = ["-", "--", ":", "-."]


def run_figure(evaluated, detections, base_path, lambda_level=None):
    """detections: {rule_name: (threshold, unit, time or None)}."""
    import matplotlib.pyplot as plt
    sig = evaluated.signal
    run = evaluated.run
    figure_style.apply()
    panels = []
    if sig.force is not None or sig.true_force is not None:
        panels.append("force")
    panels.append("depth")
    if "lambda_mean_target" in run.columns:
        panels.append("lambda")
    fig, axes = plt.subplots(len(panels), 1, sharex=True,
                             figsize=(3.5, 1.5 + 1.1 * len(panels)))
    axes = np.atleast_1d(axes)
    colours = figure_style.COLOURS
    t = run.time
    for ax, kind in zip(axes, panels):
        ax.axvspan(sig.window[0], sig.window[1], color="0.92", lw=0)
        if kind == "force":
            ax.plot(t, run.columns.get("force_z", np.full(len(t), np.nan)),
                    color="0.4", lw=1.4, label="history")
            if sig.force is not None:
                ax.plot(sig.t, sig.force, color=colours[0], lw=0.6,
                        label="device")
            ax.set_ylabel("force [N]")
        elif kind == "depth":
            ax.plot(t, 1e3 * run.columns["depth"], color="0.4", lw=1.4)
            if sig.depth is not None:
                ax.plot(sig.t, 1e3 * sig.depth, color=colours[0], lw=0.6)
            ax.set_ylabel("depth [mm]")
        else:
            ax.plot(t, run.columns["lambda_mean_target"], color=colours[2])
            if lambda_level is not None:
                ax.axhline(lambda_level, color=colours[2], ls=":", lw=0.8)
            ax.set_ylabel("mean lambda\ntarget [1]")
        if evaluated.release_time is not None:
            ax.axvline(evaluated.release_time, color="k", ls="--", lw=0.8)
    ax0 = axes[0]
    channel = {"force": "force", "depth": "depth"}
    for k, (name, (th, unit, td)) in enumerate(sorted(detections.items())):
        if td is None:
            continue
        kind = "depth" if name == "creep_rate" else "force"
        if kind not in panels:
            continue
        ax = axes[panels.index(kind)]
        y = getattr(sig, channel[kind])
        if y is None:
            continue
        yv = np.interp(td, sig.t, y) * (1e3 if kind == "depth" else 1.)
        ax.plot([td], [yv], ls="none", marker=MARKERS.get(name, "o"),
                color=colours[(k + 1) % len(colours)], ms=5, mfc="none",
                label=f"{name} ({th:.3g} {unit})")
    handles, labels = ax0.get_legend_handles_labels()
    if evaluated.release_time is not None:
        from matplotlib.lines import Line2D
        handles.append(Line2D([], [], color="k", ls="--", lw=0.8))
        labels.append(f"true release {evaluated.release_time:.3g} s")
    else:
        labels.append("true release: never")
        from matplotlib.lines import Line2D
        handles.append(Line2D([], [], color="none"))
    for name, (th, unit, td) in sorted(detections.items()):
        if td is None:
            from matplotlib.lines import Line2D
            handles.append(Line2D([], [], color="none"))
            labels.append(f"{name} ({th:.3g} {unit}): none")
    ax0.legend(handles, labels, loc="best", frameon=False)
    ax0.set_title(run.name, fontsize=7)
    axes[-1].set_xlabel("time [s]")
    fig.tight_layout()
    return figure_style.save(fig, base_path)


def roc_figure(result, base_path):
    import matplotlib.pyplot as plt
    figure_style.apply()
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.2, 3.0))
    colours = figure_style.COLOURS
    for k, (name, entry) in enumerate(result["rules"].items()):
        if "roc" not in entry:
            continue
        st = entry["roc"]
        c = colours[k % len(colours)]
        ls = STYLES[k % len(STYLES)]
        ax.plot(st["false_positive_rate"], st["true_positive_rate"],
                marker=MARKERS.get(name, "o"), ms=2.5, color=c, ls=ls,
                mfc="none", label=name)
        for g, (gst, i) in entry["groups"].items():
            ax.plot([gst["false_positive_rate"][i]],
                    [gst["true_positive_rate"][i]], marker="*", ms=8,
                    color=c, ls="none")
        th = st["threshold"]
        bx.plot(th, st["mean_latency"], color=c, ls=ls,
                label=f"{name} [{entry['rule'].threshold_unit}]")
    ax.plot([0, 1], [0, 1], color="0.7", ls=":", lw=0.8)
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel("false-positive rate [1]")
    ax.set_ylabel("true-positive rate [1]")
    ax.set_title("ROC (star: recommended per tip and depth class)")
    ax.legend(frameon=False, loc="lower right")
    bx.set_xscale("log")
    bx.set_xlabel("threshold [rule's unit]")
    bx.set_ylabel("mean latency [s]")
    bx.set_title("latency of on-time detections")
    bx.legend(frameon=False)
    fig.tight_layout()
    return figure_style.save(fig, base_path)
