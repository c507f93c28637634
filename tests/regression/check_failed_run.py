#!/usr/bin/env python3
"""A step that does not converge stops the run cleanly.

Usage: check_failed_run.py FASCIAFE PRM OUTPUT_DIR [--set S]...
           [--message REGEX] [--rows N]
Runs PRM, by default with one Newton iteration per attempt and one
cut-back allowed, so the first loaded step cannot converge (--set replaces
these overrides). Requires: exit status 3, a one-line message matching
REGEX (default: naming the step and the Newton failure), run.json with
status "failed" and the message, the history of the N - 1 steps before
(default N = 2: the header and the initial state) kept in history.csv and
history.h5, summary.txt with status failed, fields.h5 finalized, and no
temporary or .partial file left.
"""

import argparse

import json
import os
import re
import shutil
import subprocess
import sys


DEFAULT_MESSAGE = (r"fasciafe: error: step from t = 0 s did not converge"
                   r" after 1 cut-backs \(last dt = \S+ s\): Newton did "
                   r"not converge in 1 iterations[^\n]*")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exe")
    parser.add_argument("prm")
    parser.add_argument("out")
    parser.add_argument("--set", action="append", dest="sets")
    parser.add_argument("--message", default=DEFAULT_MESSAGE)
    parser.add_argument("--rows", type=int, default=2)
    args = parser.parse_args()
    exe, prm, out = args.exe, args.prm, args.out
    sets = args.sets if args.sets is not None else [
        "Nonlinear solver/Maximum iterations=1",
        "Time stepping/Maximum cut-backs=1"]
    shutil.rmtree(out, ignore_errors=True)
    command = [exe, "run", prm, "--output", out, "--quiet"]
    for s in sets:
        command += ["--set", s]
    p = subprocess.run(command, capture_output=True, text=True)
    text = (p.stdout + p.stderr).strip()
    print(text)
    failures = []
    if p.returncode != 3:
        failures.append(f"exit status {p.returncode}, expected 3")
    if not re.fullmatch(args.message, text):
        failures.append("message is not the expected single line")
    info = json.load(open(os.path.join(out, "run.json")))
    if info["status"] != "failed" or not info["message"] or \
            info["message"] not in text:
        failures.append(f"run.json: {info['status']!r} {info['message']!r}")
    rows = [l for l in open(os.path.join(out, "history.csv"))
            if not l.startswith("#")]
    if len(rows) != args.rows:  # header + the steps before
        failures.append(f"history.csv has {len(rows)} lines, expected "
                        f"{args.rows}")
    for name in ["history.h5", "summary.txt", "fields.h5", "fields.xdmf",
                 "log.txt", "solution.pvd"]:
        if not os.path.isfile(os.path.join(out, name)):
            failures.append(f"missing {name}")
    if "status failed" not in open(os.path.join(out, "summary.txt")).read():
        failures.append("summary.txt does not say status failed")
    left = [f for _, _, fs in os.walk(out) for f in fs
            if ".tmp" in f or f.endswith(".partial")]
    if left:
        failures.append(f"temporary files left: {left}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
