"""VTK worker of the 3D renders: `python3 render_vtk.py JOB.json`.

Run by render.py in a subprocess (under `xvfb-run -a` when there is no X
display), because VTK's X render window aborts the process when it cannot
open a display. For every image of the job it reads the step's
vtu/solution_SSSSS.pvtu (vtkXMLPUnstructuredGridReader), warps it by
`displacement` (vtkWarpVector), keeps the cells near the tip (vtkBox,
vtkExtractGeometry) and renders it off-screen (vtkRenderWindow with
SetOffScreenRendering(1)), coloured by the cell field through a lookup
table built from the matplotlib colour map of the style (the fields are
constant on each cell; deal.II stores them at the cells' own nodes):
  - section:  the 2D (r, z) or (x, z) mesh, mirrored about the axis x = 0
              when the model is a half (vtkReflectionFilter), seen flat;
  - revolved: an axisymmetric section turned 270 degrees about the axis
              (vtkRotationalExtrusionFilter), so that the open quarter
              shows the cut plane through the tip axis;
  - cut:      a 3D mesh mirrored to the full block (symmetry planes
              x = 0, y = 0), clipped by the plane y = tip_y through the tip
              axis (vtkClipDataSet) and seen obliquely.
JOB.json holds a list of jobs (one field and view, several times each),
all rendered in this one process. It writes each image as PNG
(vtkPNGWriter) and JOB.json's "result" file with the colour range and the
field statistics of every image (whole mesh and shown part).
"""

import json
import sys

import matplotlib
import numpy as np
from vtkmodules.util.numpy_support import vtk_to_numpy
from vtkmodules.vtkCommonCore import vtkLookupTable
from vtkmodules.vtkCommonDataModel import vtkBox, vtkPlane
from vtkmodules.vtkFiltersCore import vtkAppendFilter
from vtkmodules.vtkFiltersGeneral import (vtkClipDataSet, vtkTransformFilter,
                                          vtkWarpVector)
from vtkmodules.vtkFiltersExtraction import vtkExtractGeometry
from vtkmodules.vtkFiltersGeometry import vtkDataSetSurfaceFilter
from vtkmodules.vtkFiltersModeling import vtkRotationalExtrusionFilter
from vtkmodules.vtkFiltersGeneral import vtkReflectionFilter
from vtkmodules.vtkCommonTransforms import vtkTransform
from vtkmodules.vtkIOImage import vtkPNGWriter
from vtkmodules.vtkIOXML import vtkXMLPUnstructuredGridReader
from vtkmodules.vtkRenderingCore import (vtkActor, vtkDataSetMapper,
                                         vtkPolyDataMapper, vtkRenderer,
                                         vtkRenderWindow,
                                         vtkWindowToImageFilter)
import vtkmodules.vtkRenderingOpenGL2  # noqa: F401  (registers OpenGL)
from vtkmodules.vtkFiltersSources import vtkRegularPolygonSource


def read_step(path):
    reader = vtkXMLPUnstructuredGridReader()
    reader.SetFileName(path)
    reader.Update()
    grid = reader.GetOutput()
    if grid.GetNumberOfCells() == 0:
        raise RuntimeError(f"{path}: no cells")
    return grid


def _array(grid, field):
    """(array, True if point data) of the data set `field`: deal.II writes
    the cell fields as point data of cells that share no nodes (constant
    on each cell), other writers as cell data."""
    array = grid.GetPointData().GetArray(field)
    if array is not None:
        return array, True
    array = grid.GetCellData().GetArray(field)
    if array is None:
        raise KeyError(field)
    return array, False


def cell_values(grid, field):
    """Values of the data set `field` (per node or per cell)."""
    return vtk_to_numpy(_array(grid, field)[0]).astype(float).ravel()


def _warp(grid):
    grid.GetPointData().SetActiveVectors("displacement")
    warp = vtkWarpVector()
    warp.SetInputData(grid)
    warp.SetScaleFactor(1.0)
    warp.Update()
    return warp.GetOutput()


def _extract(grid, bounds):
    """The cells with a point inside the box bounds (whole cells)."""
    box = vtkBox()
    box.SetBounds(*bounds)
    extract = vtkExtractGeometry()
    extract.SetInputData(grid)
    extract.SetImplicitFunction(box)
    extract.ExtractInsideOn()
    extract.ExtractBoundaryCellsOn()
    extract.Update()
    return extract.GetOutput()


def _reflect(grid, plane):
    """grid and its mirror image about x = 0 (plane 'x') or y = 0 ('y')."""
    reflect = vtkReflectionFilter()
    reflect.SetInputData(grid)
    reflect.SetPlane(reflect.USE_X if plane == "x" else reflect.USE_Y)
    reflect.SetCenter(0.0)
    reflect.CopyInputOn()
    reflect.Update()
    append = vtkAppendFilter()
    append.AddInputData(reflect.GetOutput())
    append.Update()
    return append.GetOutput()


def _revolve(grid):
    """(x, y) section -> (x, 0, y), turned 270 degrees about z."""
    transform = vtkTransform()
    transform.RotateX(90.0)  # (x, y, 0) -> (x, 0, y)
    move = vtkTransformFilter()
    move.SetInputData(grid)
    move.SetTransform(transform)
    surface = vtkDataSetSurfaceFilter()
    surface.SetInputConnection(move.GetOutputPort())
    revolve = vtkRotationalExtrusionFilter()
    revolve.SetInputConnection(surface.GetOutputPort())
    revolve.SetAngle(270.0)
    revolve.SetResolution(90)
    revolve.CappingOn()
    revolve.Update()
    return revolve.GetOutput()


def _cut(grid, tip):
    plane = vtkPlane()
    plane.SetOrigin(tip[0], tip[1], 0.0)
    plane.SetNormal(0.0, 1.0, 0.0)
    clip = vtkClipDataSet()
    clip.SetInputData(grid)
    clip.SetClipFunction(plane)
    clip.Update()  # keeps y >= tip_y
    return clip.GetOutput()


def _lookup_table(cmap, lo, hi):
    colors = matplotlib.colormaps[cmap](np.linspace(0, 1, 256))
    table = vtkLookupTable()
    table.SetNumberOfTableValues(256)
    for k, c in enumerate(colors):
        table.SetTableValue(k, c[0], c[1], c[2], 1.0)
    table.SetTableRange(lo, hi)
    table.Build()
    return table


def _scene(job, image, data):
    """Actors of one image: the coloured tissue (and the tip outline)."""
    mapper = (vtkPolyDataMapper() if data.IsA("vtkPolyData")
              else vtkDataSetMapper())
    mapper.SetInputData(data)
    if _array(data, job["field"])[1]:
        mapper.SetScalarModeToUsePointFieldData()
    else:
        mapper.SetScalarModeToUseCellFieldData()
    mapper.SelectColorArray(job["field"])
    lo, hi = job["range"]
    mapper.SetLookupTable(_lookup_table(job["cmap"], lo, hi))
    mapper.SetScalarRange(lo, hi)
    mapper.ScalarVisibilityOn()
    actor = vtkActor()
    actor.SetMapper(mapper)
    if job["view"] != "section":
        # Mostly ambient light: shading must not shift the colours far
        # from the colour bar.
        actor.GetProperty().SetAmbient(0.45)
        actor.GetProperty().SetDiffuse(0.6)
        actor.GetProperty().SetSpecular(0.0)
    actors = [actor]
    sphere = image.get("sphere")
    if job["view"] == "section" and sphere:
        circle = vtkRegularPolygonSource()
        circle.SetNumberOfSides(180)
        circle.GeneratePolygonOff()
        circle.SetRadius(sphere["radius"])
        circle.SetCenter(sphere["center"][0], sphere["center"][1], 0.01)
        outline = vtkPolyDataMapper()
        outline.SetInputConnection(circle.GetOutputPort())
        tip = vtkActor()
        tip.SetMapper(outline)
        tip.GetProperty().SetColor(0.35, 0.35, 0.35)
        tip.GetProperty().SetLineWidth(2.0)
        actors.append(tip)
    return actors


def _camera(renderer, job, bounds):
    camera = renderer.GetActiveCamera()
    camera.ParallelProjectionOn()
    cx, cy, cz = [(bounds[2 * i] + bounds[2 * i + 1]) / 2 for i in range(3)]
    if job["view"] == "section":
        camera.SetFocalPoint(cx, cy, 0.0)
        camera.SetPosition(cx, cy, 1.0)
        camera.SetViewUp(0.0, 1.0, 0.0)
        renderer.ResetCamera(bounds)
        height = bounds[3] - bounds[2]
        width_scale = (bounds[1] - bounds[0]) / job["size"][0] * job["size"][1]
        camera.SetParallelScale(0.52 * max(height, width_scale))
    else:
        camera.SetFocalPoint(cx, cy, cz)
        camera.SetPosition(cx + 1.0, cy - 1.6, cz + 0.9)
        camera.SetViewUp(0.0, 0.0, 1.0)
        renderer.ResetCamera(bounds)
        camera.Zoom(1.15)


def render_image(job, image, grid):
    values = cell_values(grid, job["field"])
    shown = _extract(_warp(grid), image["bounds"])
    if job["view"] == "section" and job["mirror"]:
        shown = _reflect(shown, "x")
    elif job["view"] == "revolved":
        shown = _revolve(shown)
    elif job["view"] == "cut":
        for plane in job["mirror_planes"]:
            shown = _reflect(shown, plane)
        shown = _cut(shown, image["tip"])
    shown_values = cell_values(shown, job["field"])
    renderer = vtkRenderer()
    renderer.SetBackground(1.0, 1.0, 1.0)
    for actor in _scene(job, image, shown):
        renderer.AddActor(actor)
    window = vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetMultiSamples(4)
    window.AddRenderer(renderer)
    window.SetSize(*job["size"])
    _camera(renderer, job, shown.GetBounds())
    window.Render()
    parallel_scale = renderer.GetActiveCamera().GetParallelScale()
    grab = vtkWindowToImageFilter()
    grab.SetInput(window)
    grab.ReadFrontBufferOff()
    grab.Update()
    writer = vtkPNGWriter()
    writer.SetFileName(image["png"])
    writer.SetInputConnection(grab.GetOutputPort())
    writer.Write()
    window.Finalize()
    return {
        "n_cells": int(grid.GetNumberOfCells()),
        "min": float(values.min()), "max": float(values.max()),
        "mean": float(values.mean()),
        "shown_n_cells": int(shown.GetNumberOfCells()),
        "shown_min": float(shown_values.min()),
        "shown_max": float(shown_values.max()),
        "parallel_scale": parallel_scale,
    }


def render_job(job):
    grids = [read_step(image["pvtu"]) for image in job["images"]]
    if job["range"] is None:
        # One colour scale for all times: 0 to the largest value.
        top = max(cell_values(g, job["field"]).max() for g in grids)
        job["range"] = [0.0, float(top) if top > 0 else 1.0]
    results = [render_image(job, image, grid)
               for image, grid in zip(job["images"], grids)]
    return {"range": job["range"], "images": results}


def main(job_path):
    """Render every job of the file (one X server start for all)."""
    with open(job_path) as f:
        work = json.load(f)
    results = [render_job(job) for job in work["jobs"]]
    with open(work["result"], "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main(sys.argv[1])
