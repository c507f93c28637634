#!/usr/bin/python3
"""A run continued from a checkpoint ends as the uninterrupted run.

Usage: check_restart.py FASCIAFE PRM OUTPUT_BASE --stop-at T
                        [--interval N] [--kill-at-step S] [--np N
                        --mpiexec MPIEXEC [--numproc-flag -n]
                        [--preflag F]...] [--set "Section/Name=value"]...

Runs PRM (with Checkpoint/Interval = N and the --set options) into
OUTPUT_BASE/<case>:
  full       uninterrupted;
  stopped    first with the points of PRM's Protocol/Table up to time T (a
             protocol that ends early: T should be a phase end), then
             `--restart` with the full protocol;
  killed     killed (SIGKILL) once the checkpoint of step S or later
             exists, then `--restart` (unless --kill-at-step 0);
  no_checkpoint, changed_tissue  `--restart` without a checkpoint, and with
             another Young's modulus: exit status 2, one line naming the
             problem.
Each continued run must complete (run.json "completed", summary.txt) with
the history of the full run: the same rows, every column except wall_time
within 1e-8 of the column's largest magnitude; solution.pvd must list the
same times; fields.h5 must exist and no *.partial or *.tmp.* file remain
outside checkpoint/. Standard library only.
"""

import argparse
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

TOLERANCE = 1e-8


def read_history(path):
    with open(os.path.join(path, "history.csv")) as f:
        rows = list(csv.reader(l for l in f if not l.startswith("#")))
    names = rows[0]
    return {n: [float(r[i]) for r in rows[1:]] for i, n in enumerate(names)}


def pvd_times(path):
    text = open(os.path.join(path, "solution.pvd")).read()
    return [float(t) for t in re.findall(r'timestep="([^"]*)"', text)]


def process_tree(root):
    """root and every process descending from it (Linux /proc)."""
    parents = {}
    for entry in os.listdir("/proc"):
        try:
            stat = open(f"/proc/{entry}/stat").read()
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    tree, grown = {root}, True
    while grown:
        children = {p for p, q in parents.items() if q in tree} - tree
        tree |= children
        grown = bool(children)
    return tree


def compare(reference, run, label):
    """Failures of run against the uninterrupted reference."""
    failures = []
    a, b = read_history(reference), read_history(run)
    if sorted(a) != sorted(b):
        return [f"{label}: other history columns"]
    if a["time"] != b["time"] or a["step"] != b["step"]:
        return [f"{label}: other steps: {a['time']} vs {b['time']}"]
    worst = (0.0, "")
    for name in a:
        if name == "wall_time":
            continue
        scale = max(max(abs(x) for x in a[name]), 1e-300)
        diff = max(abs(x - y) for x, y in zip(a[name], b[name])) / scale
        worst = max(worst, (diff, name))
        if diff > TOLERANCE:
            failures.append(f"{label}: column {name} differs by {diff:.3e}"
                            " of its largest magnitude")
    print(f"{label}: {len(a['time'])} rows, largest relative difference "
          f"{worst[0]:.3e} (column {worst[1] or '-'})")
    info = json.load(open(os.path.join(run, "run.json")))
    if info["status"] != "completed" or info["n_steps"] != str(
            int(a["step"][-1])):
        failures.append(f"{label}: run.json {info['status']} "
                        f"{info['n_steps']} steps")
    if pvd_times(run) != pvd_times(reference):
        failures.append(f"{label}: solution.pvd lists other times")
    for name in ["fields.h5", "fields.xdmf", "log.txt", "summary.txt"]:
        if not os.path.isfile(os.path.join(run, name)):
            failures.append(f"{label}: no {name}")
    left = [f for d, _, fs in os.walk(run) for f in fs
            if (".tmp" in f or f.endswith(".partial"))
            and "checkpoint" not in d]
    if left:
        failures.append(f"{label}: temporary files left: {left}")
    if "restart from the checkpoint" not in open(
            os.path.join(run, "log.txt")).read():
        failures.append(f"{label}: log.txt does not record the restart")
    return failures


def main():
    p = argparse.ArgumentParser()
    p.add_argument("exe")
    p.add_argument("prm")
    p.add_argument("base")
    p.add_argument("--stop-at", type=float, required=True)
    p.add_argument("--interval", type=int, default=3)
    p.add_argument("--kill-at-step", type=int, default=6)
    p.add_argument("--np", type=int, default=1)
    p.add_argument("--mpiexec", default="mpirun")
    p.add_argument("--numproc-flag", default="-n")
    p.add_argument("--preflag", action="append", default=[])
    p.add_argument("--set", dest="sets", action="append", default=[])
    a = p.parse_args()

    env = dict(os.environ)
    launcher = []
    if a.np > 1:
        launcher = [a.mpiexec, a.numproc_flag, str(a.np)] + a.preflag
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
            env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        env.setdefault("OMPI_MCA_rmaps_base_oversubscribe", "1")
    sets = [f"Checkpoint/Interval={a.interval}"] + a.sets

    def command(case, extra_sets=(), restart=False):
        c = launcher + [a.exe, "run", a.prm, "--output",
                        os.path.join(a.base, case), "--quiet"]
        for s in sets + list(extra_sets):
            c += ["--set", s]
        return c + (["--restart"] if restart else [])

    def run(case, extra_sets=(), restart=False, expect=0):
        started = time.time()
        r = subprocess.run(command(case, extra_sets, restart), env=env,
                           capture_output=True, text=True)
        text = (r.stdout + r.stderr).strip()
        print(f"{case}{' --restart' if restart else ''}: exit "
              f"{r.returncode} in {time.time() - started:.1f} s"
              + (f": {text}" if text else ""))
        return r.returncode, text

    shutil.rmtree(a.base, ignore_errors=True)
    os.makedirs(a.base)
    failures = []
    if run("full")[0] != 0:
        return 1

    # A protocol that ends early, then the full one.
    table = re.search(r"set Table\s*=\s*(.+)", open(a.prm).read()).group(1)
    short = "; ".join(point for point in table.split(";")
                      if float(point.split()[0]) <= a.stop_at)
    if run("stopped", [f"Protocol/Table={short}"])[0] != 0:
        return 1
    if run("stopped", restart=True)[0] == 0:
        failures += compare(os.path.join(a.base, "full"),
                            os.path.join(a.base, "stopped"), "stopped")
    else:
        failures.append("stopped: the restart failed")

    # Killed once a checkpoint of step >= S exists.
    if a.kill_at_step > 0:
        latest = os.path.join(a.base, "killed", "checkpoint", "latest")
        proc = subprocess.Popen(command("killed"), env=env,
                                stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL,
                                start_new_session=True)
        step = -1
        while proc.poll() is None and step < a.kill_at_step:
            try:
                step = int(open(latest).read().strip()[5:])
            except (OSError, ValueError):
                pass
            time.sleep(0.01)
        # Every rank at once: mpiexec's ranks may outlive mpiexec.
        for pid in process_tree(proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        proc.wait()
        while any(os.path.exists(f"/proc/{pid}") and
                  open(f"/proc/{pid}/stat").read().split()[2] != "Z"
                  for pid in process_tree(proc.pid) - {proc.pid}):
            time.sleep(0.05)
        print(f"killed: stopped at the checkpoint of step {step} or later "
              f"(status {proc.returncode})")
        if run("killed", restart=True)[0] == 0:
            failures += compare(os.path.join(a.base, "full"),
                                os.path.join(a.base, "killed"), "killed")
        else:
            failures.append("killed: the restart failed")

    # Bad restarts: exit status 2 and one error line (mpiexec may add its
    # own report).
    def error_lines(text):
        return [l for l in text.splitlines() if l.startswith("fasciafe:")]

    code, text = run("no_checkpoint", restart=True)
    lines = error_lines(text)
    if code != 2 or len(lines) != 1 or not lines[0].startswith(
            "fasciafe: error: --restart: no checkpoint in '"):
        failures.append("no_checkpoint: not exit 2 with one line")
    model = re.search(r"set Material model\s*=\s*(.+)",
                      open(a.prm).read())
    model = model.group(1).strip() if model else "neo-Hookean"
    entry = f"Tissue/Layer 1/{model}/Young's modulus"
    code, text = run("stopped", [f"{entry}=12345"], restart=True)
    lines = error_lines(text)
    if code != 2 or len(lines) != 1 or entry not in lines[0]:
        failures.append("changed_tissue: not exit 2 with one line naming "
                        f"'{entry}'")

    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
