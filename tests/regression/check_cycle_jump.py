#!/usr/bin/env python3
"""Check cycle jumping against the same cyclic run with every cycle
simulated (scenarios/verification/cycle_jump_axisymmetric.prm).

Usage: check_cycle_jump.py JUMP_RUN FULL_RUN

Checks (docs/protocols.md, "Cycle jumping"):
- the jump run jumped at least 3 times (log.txt lines "cycle jump") and
  took at least 2 times fewer steps than the full run;
- at every time the two runs share (the cycles simulated by both, matched
  to 1e-9 s), lambda_mean_target agrees within 0.01 and force_z within
  2 % of the full run's largest force;
- the dissipated energy agrees within 3 % at the end of the cyclic phase
  and at the end of the run, and so do max_released_volume (within 3 %
  of the full run's, or 1e-9 m^3) and min_lambda_target (within 0.01).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..",
                                "postproc"))
from fasciafe_results import (load_history, load_run_info,  # noqa
                              load_summary, phase)


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    jump, full = sys.argv[1], sys.argv[2]
    hj, _ = load_history(jump)
    hf, _ = load_history(full)
    sj, sf = load_summary(jump), load_summary(full)
    failures = []

    with open(os.path.join(jump, "log.txt")) as f:
        n_jumps = sum(1 for line in f if "cycle jump" in line)
    steps_j, steps_f = int(sj["n_steps"]), int(sf["n_steps"])
    print(f"jumps: {n_jumps}; steps: {steps_j} with jumps, {steps_f} without"
          f" ({steps_f / max(steps_j, 1):.1f} times fewer)")
    if n_jumps < 3:
        failures.append(f"only {n_jumps} cycle jumps")
    if 2 * steps_j > steps_f:
        failures.append("not 2 times fewer steps")

    full_at = {round(t, 9): i for i, t in enumerate(hf["time"])}
    f_max = max(abs(x) for x in hf["force_z"])
    worst_l = worst_f = 0.0
    shared = 0
    for i, t in enumerate(hj["time"]):
        k = full_at.get(round(t, 9))
        if k is None:
            continue
        shared += 1
        dl = abs(hj["lambda_mean_target"][i] - hf["lambda_mean_target"][k])
        df = abs(hj["force_z"][i] - hf["force_z"][k]) / f_max
        worst_l, worst_f = max(worst_l, dl), max(worst_f, df)
        if dl > 0.01:
            failures.append(f"t = {t} s: lambda_mean_target "
                            f"{hj['lambda_mean_target'][i]} against "
                            f"{hf['lambda_mean_target'][k]}")
        if df > 0.02:
            failures.append(f"t = {t} s: force_z {hj['force_z'][i]} N "
                            f"against {hf['force_z'][k]} N")
    print(f"{shared} shared times: largest |d lambda_mean_target| = "
          f"{worst_l:.2e}, largest |d force_z| / max force = {worst_f:.2e}")
    if shared < 0.5 * len(hj["time"]):
        failures.append(f"only {shared} of {len(hj['time'])} times shared")

    # Dissipated energy at the end of the cyclic phase and of the run.
    t_end_cyclic = phase(load_run_info(full), "cyclic")[1]
    for t_check in sorted({t_end_cyclic, hf["time"][-1]}):
        k = full_at.get(round(t_check, 9))
        i = [round(t, 9) for t in hj["time"]].index(round(t_check, 9))
        a, b = hj["dissipated_energy"][i], hf["dissipated_energy"][k]
        print(f"t = {t_check} s: dissipated energy {a:.6e} J with jumps, "
              f"{b:.6e} J without ({abs(a - b) / b:.2%})")
        if abs(a - b) > 0.03 * b:
            failures.append(f"t = {t_check} s: dissipated energy {a} J "
                            f"against {b} J")

    for key, rel, absolute in (("max_released_volume", 0.03, 1e-9),
                               ("min_lambda_target", 0.0, 0.01)):
        a, b = float(sj[key]), float(sf[key])
        print(f"{key}: {a:.6g} with jumps, {b:.6g} without")
        if abs(a - b) > max(rel * abs(b), absolute):
            failures.append(f"{key}: {a} against {b}")

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
