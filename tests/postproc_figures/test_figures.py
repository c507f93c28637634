#!/usr/bin/python3
"""Tests of `fasciafe figures` (postproc/figures.py) on the stored results
in tests/data/results/ (see its README.md):

    /usr/bin/python3 test_figures.py CASE WORK_DIR

Each case makes its figures into WORK_DIR and checks the files (PNG
header, pixel size = inches x 300, 300 dpi; PDF header and page size),
that each figure's sidecar CSV holds its input data, and that renders are
not blank. Registered in CMakeLists.txt as figures.CASE.
"""

import ast
import json
import os
import py_compile
import shutil
import subprocess
import sys

import h5py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "postproc"))
import fasciafe_results  # noqa: E402
from figure_checks import (DATA, check, check_columns, check_figure,  # noqa
                           check_not_blank, close, column, figures, main,
                           read_csv)

HOLD = os.path.join(DATA, "hold_axisym")
HOLD2 = os.path.join(DATA, "hold_axisym_shallow")
SWEEP = os.path.join(DATA, "sweep_hold_depth")
TIPS = os.path.join(DATA, "sweep_tips")
CALIBRATION = os.path.join(DATA, "calibration")
CUT3D = os.path.join(DATA, "cut_3d")


def release_time(run):
    """Interface 1: first time with lambda_mean_target < the threshold."""
    history, _ = fasciafe_results.load_history(run)
    threshold = fasciafe_results.float_parameter(
        fasciafe_results.load_run_info(run), "Target region/Release threshold")
    for t, lam in zip(history["time"], history["lambda_mean_target"]):
        if lam < threshold:
            return t
    return None


def run_curves(work):
    out = os.path.join(work, "figures")
    figures(HOLD, "--output", out, "--no-render")
    history, units = fasciafe_results.load_history(HOLD)
    for name, col in [("force_time", "force_z"), ("depth_time", "depth"),
                      ("released_volume_time", "released_volume_target")]:
        table = check_figure(out, name, 1, 0.75)
        check_columns(table, history, ["time", col], rel=0.0)
        check(table[1] == ["s", units[col]], f"{name}: units {table[1]}")
    table = check_figure(out, "lambda_time", 1, 0.75)
    check_columns(table, history, ["time", "lambda_min_target",
                                   "lambda_mean_target"], rel=0.0)
    with open(os.path.join(out, "figures.json")) as f:
        manifest = {e["name"]: e for e in json.load(f)["figures"]}
    want = release_time(HOLD)
    check(want is not None, f"the stored run releases (t = {want} s)")
    for name in ("force_time", "lambda_time"):
        got = manifest[name]["release_time"]
        check(got == want, f"{name}: release marker at {got} s == {want} s "
              "(first lambda_mean_target < threshold in history.csv)")
    check(not [n for n in os.listdir(out) if n.startswith("render_")],
          "--no-render: no renders")


def paraview_script(work):
    out = os.path.join(work, "figures")
    figures(HOLD, "--output", out, "--no-render", "--field", "von_mises",
            "--times", "1,10")
    script = os.path.join(out, "paraview_state.py")
    py_compile.compile(script, cfile=os.path.join(work, "state.pyc"),
                       doraise=True)
    check(True, "paraview_state.py compiles (py_compile)")
    values = {}
    for node in ast.parse(open(script).read()).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0],
                                                       ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    check(values["FIELD"] == "von_mises", f"FIELD = {values['FIELD']!r}")
    check(values["PRESET"] == "Viridis (matplotlib)", "viridis preset")
    check(values["TIMES"] == [1.0, 10.0], f"TIMES = {values['TIMES']}")
    check(values["MODEL"] == "axisymmetric" and values["SYMMETRY"] == "half",
          "model and symmetry from run.json")
    history, _ = fasciafe_results.load_history(HOLD)
    import numpy
    tip_z = numpy.interp(1.0, history["time"], history["tip_z"])
    check(close(values["TIP"][2], tip_z), f"TIP z {values['TIP'][2]:.6g} m =="
          f" tip_z(1 s) {tip_z:.6g} m")
    check("solution.pvd" in open(script).read(), "opens solution.pvd")


def compare(work):
    out = os.path.join(work, "figures")
    figures("--compare", HOLD, HOLD2, "--labels", "2 mm", "1.2 mm",
            "--output", out, "--columns", "2")
    table = check_figure(out, "compare", 2, 0.95)
    runs = column(table, "run")
    for label, path in (("2 mm", HOLD), ("1.2 mm", HOLD2)):
        history, _ = fasciafe_results.load_history(path)
        rows = [r for r in table[2] if r[0] == label]
        sub = (table[0], table[1], rows)
        check(len(rows) == len(history["time"]), f"{label}: {len(rows)} rows")
        check_columns(sub, history, ["time", "force_z", "depth",
                                     "lambda_mean_target",
                                     "released_volume_target"], rel=0.0)
    check(sorted(set(runs)) == ["1.2 mm", "2 mm"], "both runs in the sidecar")


def sweep_table(path):
    return read_csv(os.path.join(path, "summary.csv"))


def check_sweep_sidecar(table, summary, metric):
    header, _, rows = summary
    keep = ["case", "status"] + [h for h in table[0][2:-1]] + [metric]
    want = [[r[header.index(k)] for k in keep] for r in rows]
    check(table[2] == want, f"sidecar of {metric} == summary.csv cells "
          f"({len(want)} cases, 'never' and failed kept)")


def sweep_heatmap(work):
    out = os.path.join(work, "figures")
    figures(SWEEP, "--output", out)
    with open(os.path.join(out, "figures.json")) as f:
        manifest = {e["name"]: e for e in json.load(f)["figures"]}
    summary = sweep_table(SWEEP)
    for metric in ("released_volume_target_max", "release_time",
                   "peak_force"):
        name = "sweep_" + metric
        check(manifest[name]["kind"] == "heatmap", f"{name}: heatmap")
        table = check_figure(out, name, 1, 0.75)
        check_sweep_sidecar(table, summary, metric)
        check_not_blank(os.path.join(out, name + ".png"))


def sweep_tips(work):
    out = os.path.join(work, "figures")
    figures(TIPS, "--output", out, "--columns", "2", "--metrics",
            "peak_force", "release_time")
    with open(os.path.join(out, "figures.json")) as f:
        manifest = {e["name"]: e for e in json.load(f)["figures"]}
    summary = sweep_table(TIPS)
    for metric in ("peak_force", "release_time"):
        check(manifest["sweep_" + metric]["kind"] == "bars", "bars")
        table = check_figure(out, "sweep_" + metric, 2, 0.75)
        check_sweep_sidecar(table, summary, metric)
    check(not os.path.exists(os.path.join(out, "sweep_released_volume_"
                                          "target_max.png")),
          "only the --metrics figures")


def calibration_roc(work):
    out = os.path.join(work, "figures")
    figures(CALIBRATION, "--output", out)
    for name, aspect in (("calibration_roc", 0.9),
                         ("calibration_latency", 0.75)):
        table = check_figure(out, name, 1, aspect)
        with h5py.File(os.path.join(CALIBRATION, "calibration.h5")) as f:
            for rule in f["roc"]:
                rows = [r for r in table[2] if r[0] == rule]
                for k, dataset in enumerate(
                        ["threshold", "true_positive_rate",
                         "false_positive_rate", "mean_latency"]):
                    want = list(f["roc"][rule][dataset][()])
                    got = [float(r[2 + k]) for r in rows]
                    check(got == want, f"{name}: {rule}/{dataset} == "
                          f"calibration.h5 ({len(want)} values)")


def fields_h5_range(run, time, field):
    """(min, max) of `field` at the output step of `time` in fields.h5."""
    with h5py.File(os.path.join(run, "fields.h5")) as f:
        for group in f.values():
            if abs(group.attrs["time"] - time) < 1e-9:
                data = group[field][()]
                return float(data.min()), float(data.max())
    raise AssertionError(f"no step at t = {time} in fields.h5")


def check_render(out, name, run, field, columns=1):
    table = check_figure(out, name, columns)
    check_not_blank(os.path.join(out, name + ".png"))
    time = float(column(table, "time")[0])
    lo, hi = fields_h5_range(run, time, field)
    got_lo, got_hi = (float(column(table, c)[0]) for c in ("min", "max"))
    check(close(got_lo, lo, 1e-6, 1e-9) and close(got_hi, hi, 1e-6, 1e-9),
          f"{name}: {field} range [{got_lo:.6g}, {got_hi:.6g}] == fields.h5 "
          f"[{lo:.6g}, {hi:.6g}] (rel 1e-6, float32 output)")
    return table


def renders(out, field, view):
    """Names of the renders of field and view in figures.json."""
    with open(os.path.join(out, "figures.json")) as f:
        return [e["name"] for e in json.load(f)["figures"]
                if e.get("field") == field and e.get("view") == view]


def render_lambda(work):
    out = os.path.join(work, "figures")
    figures(HOLD, "--output", out, "--field", "lambda", "--times", "7")
    for view in ("section", "revolved"):
        names = renders(out, "lambda", view)
        check(names == [f"render_lambda_{view}_t6p875"], f"{view}: the "
              f"output step nearest to 7 s (6.875 s): {names}")
        table = check_render(out, names[0], HOLD, "lambda")
        check(column(table, "color_min") == ["0.0"] and
              column(table, "color_max") == ["1.0"], "lambda colour range "
              "[0, 1]")
        shown_min = float(column(table, "shown_min")[0])
        check(shown_min < 0.5, f"the shown part holds the broken-down gel "
              f"under the tip (min lambda {shown_min:.3f} < 0.5)")


def render_stress(work):
    out = os.path.join(work, "figures")
    figures(HOLD, "--output", out, "--field", "von_mises", "--field",
            "contact_pressure", "--view", "section", "--times", "1,10",
            "--columns", "2")
    for field in ("von_mises", "contact_pressure"):
        names = renders(out, field, "section")
        check(len(names) == 2, f"{field}: two times {names}")
        tables = [check_render(out, n, HOLD, field, 2) for n in names]
        top = max(float(column(t, "max")[0]) for t in tables)
        for t in tables:
            check(float(column(t, "color_max")[0]) == top, f"{field}: one "
                  f"colour range for both times, up to {top:.4g} Pa")
    history = fasciafe_results.load_history(HOLD)[0]
    table = read_csv(os.path.join(out, names[0] + ".csv"))
    time, got = (float(column(table, c)[0]) for c in ("time", "max"))
    want = history["max_contact_pressure"][history["time"].index(time)]
    check(close(got, want, 1e-6), f"largest contact pressure at {time:g} s "
          f"{got:.8g} Pa == history.csv max_contact_pressure {want:.8g} Pa "
          "(rel 1e-6, float32 field output)")


def render_3d(work):
    out = os.path.join(work, "figures")
    figures(CUT3D, "--output", out, "--field", "von_mises", "--field",
            "lambda")
    for field in ("von_mises", "lambda"):
        names = renders(out, field, "cut")
        check(names == [f"render_{field}_cut_t2"], f"3D cut view {names}")
        table = check_render(out, names[0], CUT3D, field)
        n, shown = (int(column(table, c)[0]) for c in ("n_cells",
                                                         "shown_n_cells"))
        check(shown > n, f"mirrored to the full block and clipped: {shown} "
              f"shown cells > {n} cells of the quarter model")


def bad_input(work):
    out = os.path.join(work, "out")
    os.makedirs(out)
    marker = os.path.join(out, "keep.txt")
    with open(marker, "w") as f:
        f.write("kept\n")
    _, err = figures(work, "--output", out, expect=2)
    check(err.startswith("fasciafe figures: error: ") and work in err,
          f"not a result: {err.strip()}")
    _, err = figures(HOLD, "--field", "stress", "--output", out, expect=2)
    check("--field" in err and "stress" in err, f"unknown field: "
          f"{err.strip().splitlines()[-1]}")
    broken = os.path.join(work, "no_force")
    shutil.copytree(HOLD, broken, ignore=shutil.ignore_patterns("vtu",
                                                                "fields.h5"))
    header, units, rows = read_csv(os.path.join(HOLD, "history.csv"))
    k = header.index("force_z")
    with open(os.path.join(broken, "history.csv"), "w") as f:
        f.write("# units: " + ",".join(u for i, u in enumerate(units)
                                       if i != k) + "\n")
        for r in [header] + rows:
            f.write(",".join(v for i, v in enumerate(r) if i != k) + "\n")
    _, err = figures(broken, "--output", out, "--no-render", expect=2)
    check("force_z" in err and "history.csv" in err, f"missing column: "
          f"{err.strip()}")
    _, err = figures(SWEEP, "--metrics", "no_such", "--output", out, expect=2)
    check("no_such" in err and "summary.csv" in err, f"unknown metric: "
          f"{err.strip()}")
    _, err = figures(HOLD, "--times", "1e6", "--output", out, expect=2)
    check("--times" in err, f"time out of range: {err.strip()}")
    check(sorted(os.listdir(out)) == ["keep.txt"] and
          open(marker).read() == "kept\n", "the output folder is unchanged")
    check(not [n for n in os.listdir(work) if n.startswith(".figures.tmp")],
          "no staging folder left")


def cli_dispatch(work):
    binary = os.environ["FASCIAFE_BINARY"]
    done = subprocess.run([binary, "figures", "--help"], capture_output=True,
                          text=True)
    check(done.returncode == 0 and "--compare" in done.stdout,
          "fasciafe figures --help")
    out = os.path.join(work, "figures")
    done = subprocess.run([binary, "figures", TIPS, "--output", out],
                          capture_output=True, text=True)
    check(done.returncode == 0 and os.path.isfile(
        os.path.join(out, "sweep_peak_force.pdf")), "fasciafe figures SWEEP")
    done = subprocess.run([binary, "figures", work], capture_output=True,
                          text=True)
    check(done.returncode == 2 and "fasciafe figures: error:" in done.stderr,
          "bad input through fasciafe: exit 2")


CASES = {f.__name__: f for f in [run_curves, paraview_script, compare,
                                 sweep_heatmap, sweep_tips, calibration_roc,
                                 render_lambda, render_stress, render_3d,
                                 bad_input,
                                 cli_dispatch]}

if __name__ == "__main__":
    sys.exit(main(CASES))
