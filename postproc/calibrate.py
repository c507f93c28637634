#!/usr/bin/python3
"""fasciafe calibrate: calibrate release-detection thresholds on a set of
runs whose true tissue state is known (docs/release_detection.md).

  fasciafe calibrate RUN_OR_SWEEP_DIR... --output DIR [--config FILE]
                     [--set key=value]... [--no-figures] [--quiet]

Each input is a run directory (run.json, history.h5 or history.csv) or a
sweep directory (sweep.json; its cases of status `done`). Writes
DIR/calibration.h5, DIR/calibration.json, DIR/calibration.csv and
DIR/figures/ (roc.png/pdf, run_<name>.png/pdf). Exit status: 0 done,
2 bad input (nothing written), 1 internal error.
"""

import argparse
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from release import InputError  # noqa: E402
from release.calibration import (calibrate, evaluate_runs,  # noqa: E402
                                 recommended_threshold)
from release.config import load_config  # noqa: E402
from release.history import load_runs  # noqa: E402
from release.output import write_all  # noqa: E402

PROG = "fasciafe calibrate"


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise InputError(message)


def parser():
    p = Parser(prog=PROG, description=(
        "Calibrate release-detection thresholds against the true release "
        "of the target region (docs/release_detection.md)."))
    p.add_argument("inputs", nargs="*", metavar="RUN_OR_SWEEP_DIR",
                   help="run directories and/or sweep directories "
                        "(with sweep.json)")
    p.add_argument("--output", "-o", metavar="DIR", required=True,
                   help="output directory (created if missing)")
    p.add_argument("--config", metavar="FILE",
                   help="configuration: JSON or 'key = value' lines")
    p.add_argument("--set", dest="sets", action="append", default=[],
                   metavar="KEY=VALUE",
                   help="override one configuration key (repeatable)")
    p.add_argument("--no-figures", action="store_true",
                   help="do not draw the figures")
    p.add_argument("--quiet", action="store_true",
                   help="print only errors")
    return p


def safe_name(name):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_") or "run"


def draw_figures(out_dir, result, config, evaluated):
    from release import plots
    final = os.path.join(out_dir, "figures")
    tmp = os.path.join(out_dir, f".figures.tmp.{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    written = plots.roc_figure(result, os.path.join(tmp, "roc"))
    for j, e in enumerate(evaluated):
        det = {}
        for name, entry in result["rules"].items():
            if not entry["applicable"][j]:
                continue
            th = recommended_threshold(result, name, e.group)
            if th is None:
                continue
            i = list(entry["thresholds"]).index(th)
            td = entry["detections"][i, j]
            det[name] = (th, entry["rule"].threshold_unit,
                         None if td != td else float(td))
        level = None
        if config.ground_truth.criterion in ("lambda", "both"):
            level = config.ground_truth.level_for(e.run)
        written += plots.run_figure(
            e, det, os.path.join(tmp, "run_" + safe_name(e.run.name)),
            lambda_level=level)
    os.makedirs(final, exist_ok=True)
    for path in written:
        os.replace(path, os.path.join(final, os.path.basename(path)))
    shutil.rmtree(tmp, ignore_errors=True)
    return [os.path.join(final, os.path.basename(p)) for p in written]


def main(argv=None):
    try:
        args = parser().parse_args(argv)
        if os.path.exists(args.output) and not os.path.isdir(args.output):
            raise InputError(f"--output '{args.output}' exists and is not a "
                             f"directory")
        config = load_config(args.config, args.sets)
        runs, notes = load_runs(args.inputs)
        evaluated = evaluate_runs(runs, config)
        result = calibrate(evaluated, config)
    except InputError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    say = (lambda *a: None) if args.quiet else print
    for n in notes:
        say(f"{PROG}: {n}")
    write_all(args.output, result, config, evaluated)
    figures = [] if args.no_figures else draw_figures(
        args.output, result, config, evaluated)
    say(f"{PROG}: {len(evaluated)} runs, "
        f"{sum(e.release_time is not None for e in evaluated)} released; "
        f"ground truth: {config.ground_truth.describe()}")
    for row in result["table"]:
        lat = row["expected_latency"]
        say(f"  {row['tip']} depth [{row['depth_min']:.4g}, "
            f"{row['depth_max']:.4g}] m  {row['rule']:<10} threshold "
            f"{row['threshold']:.4g} {row['threshold_unit']}  latency "
            f"{'n/a' if lat is None else f'{lat:.3g} s'}  miss "
            f"{row['miss_rate']}  early {row['early_rate']}")
    say(f"{PROG}: wrote {args.output}/calibration.h5, calibration.json, "
        f"calibration.csv" + (f" and {len(figures)} figure files"
                              if figures else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
