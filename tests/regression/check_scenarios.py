#!/usr/bin/env python3
"""Every scenario in a folder sets up and takes its first steps.

Usage: check_scenarios.py FASCIAFE SCENARIO_DIR OUTPUT_DIR [--clinical]
Runs each SCENARIO_DIR/*.prm with its protocol cut to its first phase
shortened to two time steps (a short ramp to a tenth of the scenario's
depth, or to a fifth of its force under force control), on a mesh twice
as coarse in the contact zone and without follow-the-tip refinement, so
that the parameter file, the mesh, the tip, the tissue and the target
region are all built and the contact solved, in seconds. Requires exit status 0 and
a completed summary.txt with a positive max_force_z for each; prints one
line per scenario. Each file must start with a comment (what it models
and what to expect). With --clinical (the clinical protocols) the header
comment must also say what to expect ("Expected" or "Measured") and how to
refine the run ("--set"), and the history must report the tip force, the
depth, lambda in the target region and the released volume (the columns
CLINICAL_COLUMNS, docs/output.md), with a finite value in every row.
"""

import argparse
import glob
import math
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import load_history  # noqa: E402

CLINICAL_COLUMNS = ["force_z", "depth", "lambda_mean_target",
                    "lambda_min_target", "released_volume_target"]


def header(text):
    """The leading comment block of a parameter file."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)


def clinical_problems(text, out):
    """What a clinical scenario's header or history lacks (list)."""
    problems = []
    head = header(text)
    if not re.search(r"Expected|Measured", head):
        problems.append("header says nothing of the expected result")
    if "--set" not in head:
        problems.append("header gives no --set to refine the run")
    try:
        h, _ = load_history(out)
    except (OSError, ValueError) as e:
        return problems + [f"no history ({e})"]
    for c in CLINICAL_COLUMNS:
        values = h.get(c)
        if values is None:
            problems.append(f"history lacks {c}")
        elif not values or not all(math.isfinite(v) for v in values):
            problems.append(f"history column {c} is empty or not finite")
    return problems


def first_phase(prm_text):
    """The short protocol override for the scenario's text."""
    m = re.search(r"set Phases\s*=\s*([^\n]+)", prm_text)
    if m:
        first = m.group(1).split(";")[0].split()
        kind = first[0]
        if kind in ("force", "force-ramp"):
            return [f"Protocol/Phases=force-ramp 0.2 {float(first[2]) / 5}"]
        if kind == "ramp":
            return [f"Protocol/Phases=ramp 0.2 {float(first[2]) / 10}"]
    depth = re.search(r"set Depth\s*=\s*([0-9.eE+-]+)", prm_text)
    d = float(depth.group(1)) if depth else 0.001
    return ["Protocol/Type=phases", f"Protocol/Phases=ramp 0.2 {d / 10}"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe")
    parser.add_argument("folder")
    parser.add_argument("out")
    parser.add_argument("--clinical", action="store_true")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.folder, "*.prm")))
    if not files:
        print(f"no .prm files in {args.folder}")
        return 1
    ok = True
    for prm in files:
        text = open(prm).read()
        name = os.path.splitext(os.path.basename(prm))[0]
        out = os.path.join(args.out, name)
        shutil.rmtree(out, ignore_errors=True)
        max_dt = re.search(r"set Maximum time step\s*=\s*([0-9.eE+-]+)", text)
        dt0 = min(0.1, float(max_dt.group(1))) if max_dt else 0.1
        h0 = re.search(r"set Zone element size\s*=\s*([0-9.eE+-]+)", text)
        coarse = ([f"Geometry/Zone element size={2 * float(h0.group(1))}"]
                  if h0 else [])
        sets = first_phase(text) + coarse + [
                                    "Discretization/Follow tip levels=0",
                                    f"Time stepping/Initial time step={dt0}",
                                    "Time stepping/Minimum time step=1e-4",
                                    "Output/Field output interval=0"]
        cmd = [args.exe, "run", prm, "--output", out, "--quiet"]
        for s in sets:
            cmd += ["--set", s]
        p = subprocess.run(cmd, capture_output=True, text=True)
        summary = {}
        if os.path.isfile(os.path.join(out, "summary.txt")):
            for line in open(os.path.join(out, "summary.txt")):
                if line.strip() and not line.startswith("#"):
                    k, v = line.split(None, 1)
                    summary[k] = v.strip()
        problems = clinical_problems(text, out) if args.clinical else []
        good = (p.returncode == 0 and text.startswith("#")
                and summary.get("status") == "completed"
                and float(summary.get("max_force_z", "0")) > 0
                and not problems)
        ok &= good
        print(f"{'ok  ' if good else 'FAIL'} {name}: exit {p.returncode}, "
              f"{summary.get('n_dofs', '?')} dofs, max_force_z "
              f"{summary.get('max_force_z', '?')}")
        for problem in problems:
            print(f"     {problem}")
        if not good:
            print((p.stdout + p.stderr).strip())
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
