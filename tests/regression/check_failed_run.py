#!/usr/bin/env python3
"""A step that does not converge stops the run cleanly.

Usage: check_failed_run.py FASCIAFE PRM OUTPUT_DIR
Runs PRM with one Newton iteration per attempt and one cut-back allowed,
so the first loaded step cannot converge. Requires: exit status 3, a
one-line message naming the step and the reason, run.json with status
"failed" and the message, the history of the steps before (the initial
state) kept in history.csv and history.h5, summary.txt with status
failed, fields.h5 finalized, and no temporary or .partial file left.
"""

import json
import os
import re
import shutil
import subprocess
import sys


def main():
    exe, prm, out = sys.argv[1:4]
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run([exe, "run", prm, "--output", out, "--quiet",
                        "--set", "Nonlinear solver/Maximum iterations=1",
                        "--set", "Time stepping/Maximum cut-backs=1"],
                       capture_output=True, text=True)
    text = (p.stdout + p.stderr).strip()
    print(text)
    failures = []
    if p.returncode != 3:
        failures.append(f"exit status {p.returncode}, expected 3")
    if not re.fullmatch(r"fasciafe: error: step from t = 0 s did not converge"
                        r" after 1 cut-backs \(last dt = \S+ s\): Newton did "
                        r"not converge in 1 iterations[^\n]*", text):
        failures.append("message is not the expected single line")
    info = json.load(open(os.path.join(out, "run.json")))
    if info["status"] != "failed" or "did not converge" not in info["message"]:
        failures.append(f"run.json: {info['status']!r} {info['message']!r}")
    rows = [l for l in open(os.path.join(out, "history.csv"))
            if not l.startswith("#")]
    if len(rows) != 2:  # header + the initial state
        failures.append(f"history.csv has {len(rows)} lines, expected 2")
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
