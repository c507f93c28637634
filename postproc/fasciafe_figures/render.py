"""3D renders of the deformed tissue coloured by a cell field (lambda, von
Mises stress or contact pressure), composed into figures of the style.

The VTK pipeline is render_vtk.py, run in a subprocess: directly when an X
display is set (DISPLAY), else under `xvfb-run -a`, and under xvfb-run as
a second try when the direct attempt fails. render.py checks the input
(solution.pvd, the step files, the data sets) before anything is
rendered, picks the output step nearest to every requested time, and
places the VTK image with a colour bar (and, for the flat section, a
scale bar) in a figure of the journal width.
"""

import json
import math
import os
import shutil
import subprocess
import sys
from time import sleep
import xml.etree.ElementTree as ElementTree

import matplotlib
import matplotlib.image
import numpy as np

import figure_style
from fasciafe_figures.common import InputError
from fasciafe_figures.plots_run import display

FIELDS = {"lambda": ("structure parameter λ", "1"),
          "von_mises": ("von Mises stress", "Pa"),
          "contact_pressure": ("contact pressure", "Pa")}

VIEWS = ("auto", "section", "revolved", "cut")


def load_pvd(run):
    """[(time, path of the pvtu)] of DIR/solution.pvd, in time order."""
    pvd = os.path.join(run.path, "solution.pvd")
    if not os.path.isfile(pvd):
        raise InputError(f"{pvd}: not found (renders need the field output)")
    try:
        root = ElementTree.parse(pvd).getroot()
    except ElementTree.ParseError as error:
        raise InputError(f"{pvd}: not valid XML ({error})")
    steps = []
    for item in root.iter("DataSet"):
        path = os.path.join(run.path, item.get("file", ""))
        if not os.path.isfile(path):
            raise InputError(f"{pvd}: lists '{item.get('file')}', which "
                             "does not exist")
        steps.append((float(item.get("timestep", "nan")), path))
    if not steps:
        raise InputError(f"{pvd}: lists no output step")
    return sorted(steps)


def check_fields(pvtu, field):
    """InputError unless the pvtu has the data set `field` (point data:
    deal.II writes a cell field at the nodes of each cell; or cell data)
    and the point data set displacement."""
    try:
        root = ElementTree.parse(pvtu).getroot()
    except ElementTree.ParseError as error:
        raise InputError(f"{pvtu}: not valid XML ({error})")
    cells = {a.get("Name") for a in root.iter("PCellData")
             for a in a.iter("PDataArray")}
    points = {a.get("Name") for a in root.iter("PPointData")
              for a in a.iter("PDataArray")}
    if field not in cells | points:
        raise InputError(f"{pvtu}: no data set '{field}' (has: "
                         f"{', '.join(sorted(cells | points))})")
    if "displacement" not in points:
        raise InputError(f"{pvtu}: no point data set 'displacement'")


def pick_steps(steps, times):
    """For each requested time the nearest output step (time, pvtu)."""
    first, last = steps[0][0], steps[-1][0]
    picked = []
    for t in times:
        if not first - 1e-9 <= t <= last + 1e-9:
            raise InputError(f"--times: {t:g} s is outside the output times "
                             f"of the run, [{first:g}, {last:g}] s")
        picked.append(min(steps, key=lambda s: abs(s[0] - t)))
    return picked


def default_times(run, steps):
    """The time of the peak force and the time of the smallest target (or
    layer) lambda; the last output time when they coincide."""
    time = run.columns["time"]
    force = run.columns.get("force_z", [0.0] * len(time))
    lam = run.columns.get("lambda_min_target")
    if lam is None:
        lam = [min(v) for v in zip(*[c for n, c in run.columns.items()
                                     if n.startswith("lambda_min_")])] or None
    times = [time[int(np.argmax(force))]]
    times.append(time[int(np.argmin(lam))] if lam else steps[-1][0])
    times = [min(max(t, steps[0][0]), steps[-1][0]) for t in times]
    picked = sorted({s[0] for s in pick_steps(steps, times)})
    if len(picked) == 1 and picked[0] != steps[-1][0]:
        picked.append(steps[-1][0])
    return picked


def views(run, view):
    """The views to render for this run and the --view option."""
    model = run.parameter("Geometry/Model type", "axisymmetric")
    allowed = {"axisymmetric": ["section", "revolved"],
               "plane strain": ["section"], "3d": ["cut"]}[model]
    if view == "auto":
        return allowed
    if view not in allowed:
        raise InputError(f"--view {view}: not available for a {model} run "
                         f"(use {' or '.join(allowed)})")
    return [view]


def _interp(run, column, t):
    if not run.has(column):
        return 0.0
    return float(np.interp(t, run.columns["time"], run.columns[column]))


def _image_spec(run, step, extent, folder, name):
    t, pvtu = step
    tip = [_interp(run, c, t) for c in ("tip_x", "tip_y", "tip_z")]
    three_d = run.parameter("Geometry/Model type") == "3d"
    if three_d:
        bounds = [tip[0] - extent, tip[0] + extent, tip[1] - extent,
                  tip[1] + extent, -extent, 1.0]
    else:
        bounds = [-extent, tip[0] + extent, -extent, 1.0, -1.0, 1.0]
    spec = {"pvtu": pvtu, "time": t, "tip": tip, "bounds": bounds,
            "png": os.path.join(folder, name + ".vtk.png")}
    if run.parameter("Tip/Shape") == "sphere" and not three_d:
        radius = float(run.parameter("Tip/sphere/Radius", "nan"))
        if math.isfinite(radius):
            spec["sphere"] = {"radius": radius,
                              "center": [tip[0], tip[2] + radius]}
    return spec


def _render_size(view, columns):
    """Pixels of the VTK image: about 1.2 times what the figure shows."""
    width = 1200 if columns == 1 else 2400
    return [width, width * 11 // 20 if view == "section" else width * 3 // 4]


def _run_worker(job_path):
    worker = os.path.join(os.path.dirname(__file__), "render_vtk.py")
    direct = [sys.executable, worker, job_path]
    xvfb = shutil.which("xvfb-run")
    attempts = []
    if os.environ.get("DISPLAY"):
        attempts.append(direct)
    if xvfb:
        # Up to three times: two xvfb-run -a started at the same moment can
        # pick the same display number, and one of them then fails.
        attempts += 3 * [[xvfb, "-a", "-s", "-screen 0 1280x1024x24"]
                         + direct]
    if not attempts:
        raise InputError("3D renders need an X display: set DISPLAY or "
                         "install xvfb (xvfb-run)")
    for k, command in enumerate(attempts):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode == 0:
            return
        sleep(0.5 * k)
    raise RuntimeError("the VTK render failed: " + done.stderr.strip()[-2000:])


def _compose(staging, name, png, field, value_range, scale_info, columns,
             title):
    picture = matplotlib.image.imread(png)
    height, width = picture.shape[:2]
    fig, ax = figure_style.new_figure(columns, aspect=height / width * 0.95)
    ax.imshow(picture, interpolation="antialiased")
    ax.set_axis_off()
    quantity, unit = FIELDS[field]
    scale, shown = display(unit)
    norm = matplotlib.colors.Normalize(value_range[0] * scale,
                                       value_range[1] * scale)
    mappable = matplotlib.cm.ScalarMappable(
        norm, matplotlib.colormaps[figure_style.FIELD_CMAPS[field]])
    bar = fig.colorbar(mappable, ax=ax, shrink=0.8, pad=0.02)
    bar.set_label(figure_style.label(quantity, shown))
    if scale_info:
        metres_per_pixel = 2 * scale_info / height
        # The largest 1, 2 or 5 x 10^k m up to a quarter of the width.
        quarter = width * metres_per_pixel / 4
        power = 10 ** math.floor(math.log10(quarter))
        length = max(m * power for m in (1, 2, 5) if m * power <= quarter)
        pixels = length / metres_per_pixel
        ax.plot([0.04 * width, 0.04 * width + pixels], [0.94 * height] * 2,
                color="black", linewidth=1.5, solid_capstyle="butt")
        ax.text(0.04 * width + pixels / 2, 0.92 * height,
                f"{length * 1e3:g} mm", ha="center", va="bottom",
                fontsize=6.5)
    ax.set_title(title, loc="left")
    figure_style.save(fig, staging.path(name))
    staging.files += [name + ".png", name + ".pdf"]


def render_figures(staging, run, fields, times, columns, view, extent):
    """Render each of `fields` at `times` (None: default_times) in every
    view; one VTK subprocess for all images."""
    for field in fields:
        if field not in FIELDS:
            raise InputError(f"--field {field}: unknown (use "
                             f"{', '.join(FIELDS)})")
    steps = load_pvd(run)
    for field in fields:
        check_fields(steps[0][1], field)
    if times is None:
        times = default_times(run, steps)
    picked = pick_steps(steps, times)
    if extent is None:
        zone = float(run.parameter("Geometry/Contact zone radius", "0.01"))
        extent = 2.0 * zone
    symmetry = run.parameter("Geometry/Symmetry", "half")
    jobs = []
    for field in fields:
        for v in views(run, view):
            names = [f"render_{field}_{v}_t{s[0]:g}".replace(".", "p")
                     for s in picked]
            jobs.append({
                "field": field, "view": v, "names": names,
                "cmap": figure_style.FIELD_CMAPS[field],
                "range": [0.0, 1.0] if field == "lambda" else None,
                "mirror": symmetry != "full",
                "mirror_planes": {"full": [], "half": ["x"],
                                  "quarter": ["x", "y"],
                                  "half y": ["y"]}[symmetry],
                "size": _render_size(v, columns),
                "images": [_image_spec(run, s, extent, staging.folder, n)
                           for s, n in zip(picked, names)]})
    job_path = staging.path(".render_job.json")
    result_path = staging.path(".render_result.json")
    with open(job_path, "w") as f:
        json.dump({"jobs": jobs, "result": result_path}, f)
    _run_worker(job_path)
    with open(result_path) as f:
        results = json.load(f)
    entries = []
    for job, result in zip(jobs, results):
        field, v = job["field"], job["view"]
        unit = FIELDS[field][1]
        for name, spec, request, stats in zip(job["names"], job["images"],
                                              times, result["images"]):
            _compose(staging, name, spec["png"], field, result["range"],
                     stats["parallel_scale"] if v == "section" else None,
                     columns, f"t = {spec['time']:g} s")
            staging.write_csv(
                name + ".csv",
                ["requested_time", "time", "step_file", "field", "n_cells",
                 "min", "max", "mean", "shown_n_cells", "shown_min",
                 "shown_max", "color_min", "color_max", "extent"],
                ["s", "s", "-", "-", "1", unit, unit, unit, "1", unit, unit,
                 unit, unit, "m"],
                [[float(request), spec["time"],
                  os.path.relpath(spec["pvtu"], run.path), field,
                  stats["n_cells"], stats["min"], stats["max"],
                  stats["mean"], stats["shown_n_cells"], stats["shown_min"],
                  stats["shown_max"], float(result["range"][0]),
                  float(result["range"][1]), float(extent)]])
            entries.append({"name": name, "field": field, "view": v,
                            "time": spec["time"],
                            "color_range": result["range"]})
    return entries
