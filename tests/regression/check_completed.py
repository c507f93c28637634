#!/usr/bin/env python3
"""A run completed: run.json says "completed", the history reaches the
protocol's end time and the tip force is positive in every loaded step.
Used for runs whose numbers another test compares.

Usage: check_completed.py RUN_DIR
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import load_history, load_run_info  # noqa


def main():
    d = sys.argv[1]
    info = load_run_info(d)
    h, _ = load_history(d)
    failures = []
    if info["status"] != "completed":
        failures.append(f"status {info['status']}: {info['message']}")
    loaded = [f for f, depth in zip(h["force_z"], h["depth"]) if depth > 0]
    if not loaded or min(loaded) <= 0:
        failures.append(f"non-positive force in a loaded step: {loaded}")
    print(f"{len(h['time'])} rows, final time {h['time'][-1]} s, "
          f"final force {h['force_z'][-1]:.6e}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
