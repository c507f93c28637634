#!/usr/bin/python3
"""fasciafe figures: publication-ready figures from FasciaFE results.

    fasciafe figures DIR [options]                 a run, a sweep or a calibration
    fasciafe figures --compare HOLD_DIR ROLL_DIR   panels comparing runs

DIR is recognised by its files: a run (run.json + history.csv), a sweep
(sweep.json + summary.csv) or a calibration (calibration.h5). Every figure
is written as NAME.png (300 dpi), NAME.pdf (vector) and NAME.csv (its
data) into DIR/figures/ (or --output), with figures.json listing them; a
run also gets paraview_state.py. Bad input prints one line
`fasciafe figures: error: ...` and exits with status 2; the output folder
is then left as it was. See docs/figures.md.
"""

import argparse
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fasciafe_figures import common  # noqa: E402
from fasciafe_figures.common import InputError  # noqa: E402

PROG = "fasciafe figures"


def parse_times(text):
    """'10,60' or '10' -> [10.0, 60.0]."""
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of times "
                                         "in s, e.g. 10,60")
    if not values:
        raise argparse.ArgumentTypeError("no time given")
    return values


def positive(text):
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a length > 0 in m")
    return value


def parser():
    p = argparse.ArgumentParser(
        prog=PROG, description=__doc__.split("\n\n")[0].split(": ", 1)[1],
        epilog="Figure types, sizes, style and outputs: docs/figures.md.")
    p.add_argument("dir", nargs="?", metavar="DIR",
                   help="run, sweep or calibration output directory")
    p.add_argument("--compare", nargs="+", metavar="RUN_DIR",
                   help="two or more run directories (e.g. a hold and a "
                   "roll) to compare in one panel figure")
    p.add_argument("--labels", nargs="+", metavar="LABEL",
                   help="legend labels of the --compare runs (default: "
                   "their folder names)")
    p.add_argument("--output", metavar="OUT",
                   help="output folder (default DIR/figures, or the first "
                   "--compare run's figures/)")
    p.add_argument("--columns", type=int, choices=(1, 2), default=1,
                   help="figure width: 1 journal column (3.5 in) or 2 "
                   "(7.2 in); default 1")
    p.add_argument("--times", type=parse_times, action="extend",
                   metavar="T[,T...]",
                   help="times of the renders [s] (nearest output step); "
                   "default: the peak force and the smallest lambda")
    p.add_argument("--field", action="append",
                   choices=("lambda", "von_mises", "contact_pressure"),
                   help="cell field colouring the renders; repeat for "
                   "several; default lambda")
    p.add_argument("--view", default="auto",
                   choices=("auto", "section", "revolved", "cut"),
                   help="render view: section (2D), revolved (axisymmetric "
                   "turned about the axis), cut (3D, plane through the tip "
                   "axis); auto: all that apply")
    p.add_argument("--extent", type=positive, metavar="L",
                   help="renders show the tissue within L [m] of the tip "
                   "axis and surface (default 2 x Geometry/Contact zone "
                   "radius)")
    p.add_argument("--no-render", action="store_true",
                   help="curves only: no 3D renders (no VTK needed)")
    p.add_argument("--metrics", nargs="+", metavar="COLUMN",
                   help="summary.csv columns of the sweep figures (default "
                   "released_volume_target_max release_time peak_force)")
    return p


def run_figures(args, staging, path):
    from fasciafe_figures import paraview, plots_run
    run = common.Run(path)
    entries = plots_run.run_figures(staging, run, args.columns)
    has_fields = os.path.isfile(os.path.join(path, "solution.pvd"))
    if not has_fields and (args.field or args.times):
        raise InputError(f"{os.path.join(path, 'solution.pvd')}: not found "
                         "(--field and --times need the field output)")
    if not has_fields:
        print(f"{PROG}: note: {path} has no solution.pvd: no renders, no "
              "ParaView script", file=sys.stderr)
        return entries
    from fasciafe_figures import render
    steps = render.load_pvd(run)
    times = args.times or render.default_times(run, steps)
    render.pick_steps(steps, times)
    fields = args.field or ["lambda"]
    if not args.no_render:
        entries += render.render_figures(staging, run, fields, times,
                                         args.columns, args.view,
                                         args.extent)
    tip = [render._interp(run, c, times[0]) for c in ("tip_x", "tip_y",
                                                       "tip_z")]
    staging.write_text("paraview_state.py", paraview.paraview_script(
        run, fields[0], times, [0.0, 1.0] if fields[0] == "lambda" else None,
        tip))
    entries.append({"name": "paraview_state", "files": ["paraview_state.py"]})
    return entries


def main(argv=None):
    args = parser().parse_args(argv)
    if args.compare and args.dir:
        parser().error("give DIR or --compare RUN_DIR..., not both")
    if not args.compare and not args.dir:
        parser().error("no DIR given (or --compare RUN_DIR RUN_DIR)")
    if args.compare and len(args.compare) < 2:
        parser().error("--compare needs at least two run directories")
    if args.labels and (not args.compare
                        or len(args.labels) != len(args.compare)):
        parser().error("--labels needs one label per --compare directory")
    staging = None
    try:
        if args.compare:
            runs = [common.Run(d) for d in args.compare]
            kind = "compare"
        else:
            kind = common.detect_kind(args.dir)
        source = args.compare[0] if args.compare else args.dir
        output = args.output or os.path.join(source, "figures")
        staging = common.Staging(output)
        if kind == "compare":
            from fasciafe_figures import plots_run
            labels = args.labels or [r.name for r in runs]
            entries = [plots_run.compare(staging, runs, labels, args.columns)]
        elif kind == "run":
            entries = run_figures(args, staging, args.dir)
        elif kind == "sweep":
            from fasciafe_figures import plots_sweep
            sweep = plots_sweep.Sweep(args.dir)
            entries = plots_sweep.sweep_figures(
                staging, sweep, args.metrics or plots_sweep.DEFAULT_METRICS,
                args.columns)
        else:
            from fasciafe_figures import plots_calibration
            entries = plots_calibration.calibration_figures(
                staging, args.dir, args.columns)
        staging.write_json("figures.json", {
            "format": "fasciafe-figures", "format_version": 1,
            "source": os.path.abspath(source), "kind": kind,
            "columns": args.columns, "figures": entries})
        paths = staging.commit()
    except InputError as error:
        if staging:
            staging.discard()
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except Exception:  # an internal error: nothing written either
        if staging:
            staging.discard()
        traceback.print_exc()
        print(f"{PROG}: internal error (see above)", file=sys.stderr)
        return 1
    print(f"{PROG}: {len(paths)} files in {os.path.abspath(output)}:")
    for path in paths:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
