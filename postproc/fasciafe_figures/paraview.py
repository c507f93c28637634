"""The ParaView script of a run: DIR/figures/paraview_state.py.

A pvpython script (paraview.simple) that opens DIR/solution.pvd with the
view of the renders: warped by displacement, mirrored across the symmetry
planes, cut through the tip axis (3D: a Clip by the plane y = tip_y; 2D:
the section itself), coloured by the same field with the same colour map
and range, at the same times. Writing it needs no ParaView: it is text,
whose values are written with repr() so that it is valid Python.
"""

import figure_style

_PRESETS = {"viridis": "Viridis (matplotlib)", "cividis": "Cividis"}

_TEMPLATE = '''"""ParaView script written by `fasciafe figures` (docs/figures.md).

Opens the run's solution.pvd (the folder above this one) warped by the
displacement, mirrored across the symmetry planes and cut through the tip
axis, coloured by FIELD like the renders of `fasciafe figures`.

    pvpython paraview_state.py                 # screenshots at TIMES
    paraview --script=paraview_state.py        # the same, interactively

Change FIELD to lambda, von_mises or contact_pressure (data sets of
docs/output.md), TIMES to other output times [s].
"""

import os

from paraview.simple import (GetActiveViewOrCreate, GetAnimationScene,
                             GetColorTransferFunction, ColorBy, Clip,
                             PVDReader, Reflect, Render, ResetCamera,
                             SaveScreenshot, Show, WarpByVector)

HERE = os.path.dirname(os.path.abspath(__file__))
RUN = os.path.dirname(HERE)
FIELD = {field!r}
PRESET = {preset!r}  # colour map of docs/figures.md
RANGE = {value_range!r}  # colour range [lo, hi] in SI units; None: data range
TIMES = {times!r}  # [s]
MODEL = {model!r}  # Geometry/Model type of the run
SYMMETRY = {symmetry!r}  # Geometry/Symmetry of the run
TIP = {tip!r}  # apex (x, y, z) at TIMES[0] [m]

reader = PVDReader(FileName=os.path.join(RUN, "solution.pvd"))
warp = WarpByVector(Input=reader)
warp.Vectors = ["POINTS", "displacement"]
warp.ScaleFactor = 1.0
shown = warp
# Mirror the meshed part across its symmetry planes: x = 0 (half; the axis
# of an axisymmetric section) and y = 0 (quarter and half y, 3D).
planes = {{"full": [], "half": ["X"], "quarter": ["X", "Y"],
           "half y": ["Y"]}}[SYMMETRY]
for plane in planes:
    shown = Reflect(Input=shown)
    shown.Plane = plane
    shown.Center = 0.0
    shown.CopyInput = 1
if MODEL == "3d":
    # Cut plane through the tip axis: keep y >= tip_y.
    shown = Clip(Input=shown)
    shown.ClipType = "Plane"
    shown.ClipType.Origin = [TIP[0], TIP[1], 0.0]
    shown.ClipType.Normal = [0.0, 1.0, 0.0]
    shown.Invert = 0

view = GetActiveViewOrCreate("RenderView")
view.OrientationAxesVisibility = 0
view.Background = [1.0, 1.0, 1.0]
display = Show(shown, view)
# deal.II writes the cell fields at the nodes of each cell (point data).
ColorBy(display, ("POINTS", FIELD))
lut = GetColorTransferFunction(FIELD)
if not lut.ApplyPreset(PRESET, True):  # a ParaView without this preset
    lut.ApplyPreset("Viridis (matplotlib)", True)
if RANGE is not None:
    lut.RescaleTransferFunction(RANGE[0], RANGE[1])
display.SetScalarBarVisibility(view, True)

view.CameraParallelProjection = 1
if MODEL == "3d":
    view.CameraPosition = [TIP[0] + 1.0, TIP[1] - 1.6, 0.9]
    view.CameraViewUp = [0.0, 0.0, 1.0]
else:
    view.CameraPosition = [TIP[0], -0.01, 1.0]
    view.CameraViewUp = [0.0, 1.0, 0.0]
view.CameraFocalPoint = [TIP[0], TIP[1] if MODEL == "3d" else -0.01, 0.0]
ResetCamera()

scene = GetAnimationScene()
scene.UpdateAnimationUsingDataTimeSteps()
for time in TIMES:
    view.ViewTime = time
    Render()
    name = "paraview_%s_t%g.png" % (FIELD, time)
    SaveScreenshot(os.path.join(HERE, name), view, ImageResolution=[1600, 1000])
'''


def paraview_script(run, field, times, value_range, tip):
    """Text of the ParaView script of `run`."""
    cmap = figure_style.FIELD_CMAPS.get(field, "viridis")
    return _TEMPLATE.format(
        field=field, preset=_PRESETS[cmap],
        value_range=None if value_range is None else
        [float(v) for v in value_range],
        times=[float(t) for t in times],
        model=run.parameter("Geometry/Model type", "axisymmetric"),
        symmetry=run.parameter("Geometry/Symmetry", "half"),
        tip=[float(v) for v in tip])
