#!/usr/bin/python3
"""Checks of `fasciafe sweep` (docs/sweeps.md), one per sub-command.

Usage: check_sweep.py MODE --exe FASCIAFE --sweep FILE.prm --out DIR
                      [--mpiexec M --numproc-flag -n] [--reference DIR]

Modes:
  ranks    the sweep on 1 rank, on 2 ranks with one case per rank and on
           2 ranks with 2 ranks per case: every case done, and the same
           summary (results within REL_RANKS; wall_time excluded); the
           summary columns of the 1-rank sweep match the histories of its
           cases (COLUMN_TOL) and summary.h5 matches summary.csv.
  resume   the sweep is killed (SIGKILL) once its first case is done
           (polling sweep.json), then re-run: the rerun runs exactly the
           cases that were not done (their case.json carries the rerun's
           session and a start time after the kill; the others keep their
           record and run.json start time), and the summary matches the
           uninterrupted 1-rank sweep of --reference.
  failure  a sweep with a bad parameter value and a non-converging case:
           exit status 3, the good case done, the bad ones failed with
           their reason, empty result cells for them.
  bad      bad input (--expect REGEX, --extra ARG...): exit status 2,
           one line `fasciafe: error: ...REGEX...`, no output directory.
  reference  --sweep is docs/sweep_parameters.md: it must equal the
           output of `fasciafe sweep --print-parameters`.
  design   the Latin hypercube of --sweep, expanded three times (seeds 7,
           7, 8) with --emit-slurm: every axis (uniform, log, normal) has
           exactly one value in each of its 8 equally probable strata; the
           same seed gives the same cases, another seed other ones.
  slurm    --emit-slurm, then every array task of the script run as Slurm
           would (SLURM_ARRAY_TASK_ID set, srun a pass-through), then the
           aggregation script: the summary matches --reference.
Standard library plus h5py.
"""

import argparse
import csv
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import time

REL_RANKS = 1e-6     # 2 ranks per case: parallel direct solve, round-off
COLUMN_TOL = 1e-12   # summary vs history: the same doubles (17 digits)
RESULTS = ["peak_force", "final_force", "force_drop_percent", "release_time",
           "released_volume_target_max", "lambda_min_target",
           "dissipated_energy", "newton_iterations", "wall_time"]
ENV = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1",
           OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1",
           OMPI_MCA_rmaps_base_oversubscribe="1")


def sweep(args, out, np=1, extra=(), check=True):
    """Run the sweep into out; return the completed process."""
    cmd = [args.exe, "sweep", args.sweep, "--output", out] + list(extra)
    if np > 1:
        cmd = [args.mpiexec, args.numproc_flag, str(np)] + cmd
    p = subprocess.run(cmd, capture_output=True, text=True, env=ENV)
    print("$", " ".join(cmd), "->", p.returncode)
    print(p.stdout + p.stderr)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: sweep exited {p.returncode}")
    return p


def read_summary(out):
    """units, header, rows (dicts) of out/summary.csv."""
    with open(os.path.join(out, "summary.csv")) as f:
        units = f.readline()
        assert units.startswith("# units: "), units
        rows = list(csv.DictReader(f))
    return units[9:].strip().split(","), rows


def manifest(out):
    return json.load(open(os.path.join(out, "sweep.json")))


def compare_summaries(a, b, rel, label):
    """Failures between the summaries of the sweeps a and b."""
    failures = []
    (ua, ra), (ub, rb) = read_summary(a), read_summary(b)
    if ua != ub or len(ra) != len(rb) or list(ra[0]) != list(rb[0]):
        return [f"{label}: other columns or rows"]
    worst = 0.0
    for x, y in zip(ra, rb):
        for key in x:
            if key == "wall_time":
                continue
            if key not in RESULTS or x[key] in ("", "never") \
                    or y[key] in ("", "never"):
                if x[key] != y[key]:
                    failures.append(f"{label}: case {x['case']} {key}: "
                                    f"{x[key]!r} vs {y[key]!r}")
                continue
            u, v = float(x[key]), float(y[key])
            d = abs(u - v) / max(abs(u), abs(v), 1e-300)
            worst = max(worst, d)
            if d > rel:
                failures.append(f"{label}: case {x['case']} {key}: {u} vs {v}")
    print(f"{label}: largest relative difference {worst:.3g} "
          f"(tolerance {rel:g})")
    return failures


def history(case_dir):
    with open(os.path.join(case_dir, "history.csv")) as f:
        rows = list(csv.reader(l for l in f if not l.startswith("#")))
    return {n: [float(r[i]) for r in rows[1:]] for i, n in enumerate(rows[0])}


def expected_row(case_dir):
    """The summary values of a case, computed from its own files."""
    h = history(case_dir)
    run = json.load(open(os.path.join(case_dir, "run.json")))
    threshold = float(run["parameters"]["Target region"]
                      ["Release threshold"]["value"])
    f = h["force_z"]
    release = next((t for t, m in zip(h["time"], h["lambda_mean_target"])
                    if m < threshold), None)
    return {"peak_force": max(f), "final_force": f[-1],
            "force_drop_percent": 100 * (max(f) - f[-1]) / max(f),
            "release_time": "never" if release is None else release,
            "released_volume_target_max": max(h["released_volume_target"]),
            "lambda_min_target": min(h["lambda_min_target"]),
            "dissipated_energy": h["dissipated_energy"][-1],
            "newton_iterations": sum(h["newton_iterations"]),
            "wall_time": float(run["wall_time_s"])}


def check_columns(out):
    """Failures of the summary of out against the case histories."""
    import h5py
    failures, n = [], 0
    units, rows = read_summary(out)
    m = manifest(out)
    axes = [a["parameter"] for a in m["axes"]]
    header = ["case", "status"] + axes + RESULTS
    if list(rows[0]) != header:
        failures.append(f"header {list(rows[0])} != {header}")
    if units[-len(RESULTS):] != ["N", "N", "%", "s", "m^3", "1", "J", "1",
                                 "s"]:
        failures.append(f"units {units}")
    h5 = h5py.File(os.path.join(out, "summary.h5"), "r")
    for i, (row, case) in enumerate(zip(rows, m["cases"])):
        if row["case"] != case["id"] or row["status"] != case["status"]:
            failures.append(f"row {i}: {row['case']} {row['status']} vs "
                            f"manifest {case['id']} {case['status']}")
        for a in axes:
            if row[a] != case["parameters"][a]:
                failures.append(f"case {row['case']}: {a} {row[a]}")
            if abs(h5["summary"][a][i] - float(row[a])) > 0:
                failures.append(f"case {row['case']}: summary.h5 {a}")
        if case["status"] != "done":
            continue
        for key, value in expected_row(os.path.join(out, case["dir"])).items():
            got = row[key]
            h = h5["summary"][key][i]
            if value == "never":
                ok = got == "never" and math.isnan(h)
            else:
                tol = COLUMN_TOL * max(abs(value), 1e-300)
                ok = abs(float(got) - value) <= tol and abs(h - value) <= tol
            n += 1
            if not ok:
                failures.append(f"case {row['case']} {key}: csv {got}, "
                                f"h5 {h}, history {value}")
        if h5["summary"]["case"][i].decode() != row["case"]:
            failures.append(f"summary.h5 case {i}")
    print(f"summary columns vs case histories: {n} values compared "
          f"(tolerance {COLUMN_TOL:g} relative)")
    return failures


def mode_ranks(args):
    out1, out2, out22 = (args.out + s for s in ("/np1", "/np2", "/np2x2"))
    for d in (out1, out2, out22):
        shutil.rmtree(d, ignore_errors=True)
    sweep(args, out1)
    sweep(args, out2, np=2, extra=["--ranks-per-case", "1"])
    sweep(args, out22, np=2, extra=["--ranks-per-case", "2"])
    failures = []
    for d, ranks in ((out1, 1), (out2, 1), (out22, 2)):
        for c in manifest(d)["cases"]:
            rec = json.load(open(os.path.join(d, c["dir"], "case.json")))
            if c["status"] != "done" or int(rec["n_mpi_ranks"]) != ranks:
                failures.append(f"{d}: case {c['id']} {c['status']} on "
                                f"{rec['n_mpi_ranks']} ranks")
    # One case per rank: each case runs on one rank as in the serial sweep.
    failures += compare_summaries(out1, out2, 1e-12, "1 vs 2 ranks (1/case)")
    failures += compare_summaries(out1, out22, REL_RANKS,
                                  "1 vs 2 ranks (2/case)")
    failures += check_columns(out1)
    return failures


def mode_resume(args):
    out = args.out
    shutil.rmtree(out, ignore_errors=True)
    cmd = [args.exe, "sweep", args.sweep, "--output", out, "--quiet"]
    p = subprocess.Popen(cmd, start_new_session=True, env=ENV)
    deadline = time.time() + 300
    done = []
    while time.time() < deadline and p.poll() is None:
        try:
            done = [c["id"] for c in manifest(out)["cases"]
                    if c["status"] == "done"]
        except (OSError, ValueError):
            pass
        if done:
            break
        time.sleep(0.05)
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    killed_at = time.time()
    if not done:
        return ["the sweep never reported a done case"]
    cases = manifest(out)["cases"]
    first = {c["id"]: json.load(open(os.path.join(out, c["dir"],
                                                  "case.json")))
             for c in cases if os.path.exists(os.path.join(out, c["dir"],
                                                           "case.json"))}
    done = [i for i, r in first.items() if r["status"] == "done"]
    print(f"killed with {done} done, "
          f"{[i for i, r in first.items() if r['status'] != 'done']} "
          "started but not done")
    run_start = {i: json.load(open(os.path.join(out, "cases", i,
                                                "run.json")))["start_time"]
                 for i in done}
    if len(done) == len(cases):
        return ["the sweep finished before it could be killed"]
    time.sleep(1.1)  # run.json start times have a 1 s resolution
    p = sweep(args, out, extra=["--quiet"])
    failures = []
    m = manifest(out)
    sessions = set()
    for c in m["cases"]:
        rec = json.load(open(os.path.join(out, c["dir"], "case.json")))
        if c["status"] != "done":
            failures.append(f"case {c['id']} {c['status']} after the rerun")
        if c["id"] in done:
            same = rec == first[c["id"]] and run_start[c["id"]] == json.load(
                open(os.path.join(out, c["dir"], "run.json")))["start_time"]
            if not same:
                failures.append(f"case {c['id']} was done but ran again")
        else:
            sessions.add(rec["session"])
            start = time.mktime(time.strptime(rec["start_time"][:19],
                                              "%Y-%m-%dT%H:%M:%S")) \
                - time.timezone
            if start < killed_at - 1:
                failures.append(f"case {c['id']} did not run in the rerun")
    if len(sessions) != 1:
        failures.append(f"the remaining cases ran in {len(sessions)} sessions")
    print(f"rerun ran {sorted(set(c['id'] for c in m['cases']) - set(done))}")
    if args.reference:
        failures += compare_summaries(args.reference, out, 1e-12,
                                      "resumed vs uninterrupted")
    return failures


def mode_failure(args):
    shutil.rmtree(args.out, ignore_errors=True)
    p = sweep(args, args.out, check=False)
    failures = [] if p.returncode == 3 else [f"exit {p.returncode}, not 3"]
    expected = {"0000": ("done", ""), "0001": ("failed", "bad input: "),
                "0002": ("failed", "did not converge: ")}
    m = manifest(args.out)
    for c in m["cases"]:
        status, reason = expected[c["id"]]
        print(f"case {c['id']}: {c['status']} {c['message']!r}")
        if c["status"] != status or not c["message"].startswith(reason):
            failures.append(f"case {c['id']}: {c['status']} "
                            f"{c['message']!r}, expected {status} {reason}")
    if "Breakdown rate" not in m["cases"][1]["message"]:
        failures.append("the bad-input message does not name the entry")
    _, rows = read_summary(args.out)
    for row in rows[1:]:
        if any(row[k] != "" for k in RESULTS):
            failures.append(f"failed case {row['case']} has results")
    failures += check_columns(args.out)
    # Another sweep into the same directory: bad input, nothing changed.
    before = open(os.path.join(args.out, "sweep.json")).read()
    other = os.path.join(os.path.dirname(args.sweep), "six_cases.prm")
    p = subprocess.run([args.exe, "sweep", other, "--output", args.out],
                       capture_output=True, text=True, env=ENV)
    print(p.stdout + p.stderr)
    if p.returncode != 2 or "holds another sweep" not in p.stderr \
            or open(os.path.join(args.out, "sweep.json")).read() != before:
        failures.append("another sweep into the same directory was not "
                        "refused with exit 2")
    return failures


def mode_slurm(args):
    out = args.out
    shutil.rmtree(out, ignore_errors=True)
    sweep(args, out, extra=["--emit-slurm", "--cases-per-task", "4"])
    script = open(os.path.join(out, "slurm", "sweep.sbatch")).read()
    print(script)
    failures = []
    if "#SBATCH --array=0-1" not in script:
        failures.append("6 cases, 4 per task: expected --array=0-1")
    if any(c["status"] != "pending" for c in manifest(out)["cases"]):
        failures.append("--emit-slurm ran cases")
    shim = dict(ENV, **{"BASH_FUNC_srun%%": "() { \"$@\"; }"})
    for task in (1, 0):  # any order
        p = subprocess.run(["bash", os.path.join(out, "slurm",
                                                 "sweep.sbatch")],
                           env=dict(shim, SLURM_ARRAY_TASK_ID=str(task)),
                           capture_output=True, text=True)
        print(f"array task {task} -> {p.returncode}", p.stdout, p.stderr)
        failures += [] if p.returncode == 0 else [f"task {task} failed"]
    if any(c["status"] != "pending" for c in manifest(out)["cases"]):
        failures.append("array tasks wrote sweep.json (only --aggregate "
                        "should)")
    p = subprocess.run(["bash", os.path.join(out, "slurm",
                                             "aggregate.sbatch")],
                       env=shim, capture_output=True, text=True)
    print("aggregate ->", p.returncode, p.stdout, p.stderr)
    if p.returncode != 0:
        failures.append("aggregation failed")
    if any(c["status"] != "done" for c in manifest(out)["cases"]):
        failures.append("not every case done after the array")
    if args.reference:
        failures += compare_summaries(args.reference, out, 1e-12,
                                      "Slurm array vs local sweep")
    return failures


def mode_bad(args):
    """Bad input: exit 2, one line naming the culprit, nothing written."""
    shutil.rmtree(args.out, ignore_errors=True)
    p = sweep(args, args.out, extra=args.extra, check=False)
    text = (p.stdout + p.stderr).strip()
    failures = [] if p.returncode == 2 else [f"exit {p.returncode}, not 2"]
    if not re.fullmatch(r"fasciafe: error: [^\n]*" + args.expect
                        + r"[^\n]*", text):
        failures.append(f"not one line matching {args.expect!r}")
    if os.path.exists(args.out):
        failures.append(f"{args.out} was written")
    return failures


def mode_reference(args):
    """docs/sweep_parameters.md is what --print-parameters prints."""
    p = subprocess.run([args.exe, "sweep", "--print-parameters"],
                       capture_output=True, text=True, env=ENV)
    if p.returncode != 0 or p.stdout != open(args.sweep).read():
        return [f"{args.sweep} is not current: regenerate it with "
                "`fasciafe sweep --print-parameters > "
                "docs/sweep_parameters.md`"]
    print(f"{args.sweep} is current")
    return []


def mode_design(args):
    """The Latin hypercube of --sweep (uniform, log, normal axes)."""
    failures = []
    values = []
    for k, seed in enumerate(("7", "7", "8")):
        out = f"{args.out}/seed{k}"
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        text = re.sub(r"set Seed *= *7", "set Seed = " + seed,
                      open(args.sweep).read())
        prm = os.path.join(out, "lhs.prm")
        open(prm, "w").write(text.replace("base.prm", os.path.join(
            os.path.dirname(os.path.abspath(args.sweep)), "base.prm")))
        p = subprocess.run([args.exe, "sweep", prm, "--output", out,
                            "--emit-slurm"], capture_output=True, text=True,
                           env=ENV)
        if p.returncode != 0:
            return [f"--emit-slurm exited {p.returncode}: {p.stderr}"]
        m = manifest(out)
        values.append([[float(c["parameters"][a["parameter"]])
                        for c in m["cases"]] for a in m["axes"]])
    hold, depth, rate = values[0]
    n = len(hold)
    # Probability of each value under its axis's distribution.
    u = {"uniform": [(v - 2) / 18 for v in hold],
         "log": [math.log(v / 0.001) / math.log(3) for v in depth],
         "normal": [0.5 * (1 + math.erf((v - 0.2) / (0.05 * math.sqrt(2))))
                    for v in rate]}
    for kind, p in u.items():
        strata = sorted(int(x * n) for x in p)
        print(f"{kind}: strata {strata}")
        if n != 8 or strata != list(range(n)):
            failures.append(f"{kind} axis: not one value per stratum")
    if values[0] != values[1]:
        failures.append("the same seed gave other cases")
    if values[0] == values[2]:
        failures.append("another seed gave the same cases")
    return failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["ranks", "resume", "failure",
                                         "slurm", "bad", "reference",
                                         "design"])
    parser.add_argument("--exe", required=True)
    parser.add_argument("--sweep", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--mpiexec", default="mpiexec")
    parser.add_argument("--numproc-flag", default="-n")
    parser.add_argument("--reference")
    parser.add_argument("--expect", help="bad: regex of the message")
    parser.add_argument("--extra", action="append", default=[],
                        help="bad: an extra argument of fasciafe sweep")
    args = parser.parse_args()
    failures = globals()["mode_" + args.mode](args)
    for f in failures:
        print("FAIL:", f)
    print("PASS" if not failures else f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
