"""Publication figures from FasciaFE results (`fasciafe figures`).

Modules: common (input checks, the staging folder, sidecar CSV files),
plots_run (curves of one run, hold/roll comparison), plots_sweep (sweep
heatmaps, lines and bars), plots_calibration (ROC), render (3D renders by
VTK, run in a subprocess), paraview (the ParaView script). The command
line is postproc/figures.py; the figures are described in docs/figures.md.
"""
