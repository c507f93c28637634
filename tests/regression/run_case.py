#!/usr/bin/python3
"""Run one FasciaFE regression case (called by ctest; see fasciafe_add_run_test
in tests/regression/CMakeLists.txt and tests/README.md).

  run_case.py --name NAME --exe FASCIAFE --prm FILE --output DIR
              [--np N --mpiexec MPIEXEC [--numproc-flag -n] [--preflag F]...]
              [--set "Section/Name=value"]...
              [--check SCRIPT --python /usr/bin/python3]
              [--reference FILE [--abs TOL] [--rel TOL]]
              [--expect-fail REGEX]

Steps: remove DIR, run `FASCIAFE run FILE --output DIR --quiet [--set ...]`
(under MPIEXEC -n N if N > 1), then
  - normal case: the run must exit 0; then `PYTHON SCRIPT DIR` must exit 0
    and/or DIR/summary.txt must match FILE (compare_summary.py, which also
    honours FASCIAFE_REGENERATE_REFERENCES=1);
  - --expect-fail: the run must exit with a non-zero status (not a signal),
    its stdout + stderr must match REGEX (Python re.search, multi-line), and
    DIR must not exist afterwards.
Exit status 0 pass, 1 fail, 2 misuse. Standard library only.
"""

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def describe_status(code):
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def show(label, text):
    text = text.rstrip()
    if text:
        print(f"--- {label} ---\n{text}\n--- end of {label} ---")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--exe", required=True)
    parser.add_argument("--prm", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--np", type=int, default=1)
    parser.add_argument("--mpiexec", default="mpirun")
    parser.add_argument("--numproc-flag", default="-n")
    parser.add_argument("--preflag", action="append", default=[])
    parser.add_argument("--set", dest="sets", action="append", default=[])
    parser.add_argument("--check")
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--reference")
    parser.add_argument("--abs", default=None)
    parser.add_argument("--rel", default=None)
    parser.add_argument("--expect-fail", dest="expect_fail")
    args = parser.parse_args()

    tag = f"run_case[{args.name}]"

    def misuse(message):
        print(f"{tag}: error: {message}")
        return 2

    if args.np < 1:
        return misuse(f"--np must be >= 1, got {args.np}")
    if args.expect_fail is not None and (args.check or args.reference):
        return misuse("--expect-fail cannot be combined with a check or a "
                      "reference")
    if args.expect_fail is None and not (args.check or args.reference):
        return misuse("nothing to verify: give --check and/or --reference")
    if not (os.path.isfile(args.exe) and os.access(args.exe, os.X_OK)):
        return misuse(f"the executable {args.exe} does not exist (build the "
                      "target fasciafe first)")
    if args.expect_fail is None and not os.path.isfile(args.prm):
        return misuse(f"the parameter file {args.prm} does not exist")
    if args.check and not os.path.isfile(args.check):
        return misuse(f"the check script {args.check} does not exist")
    try:
        pattern = (re.compile(args.expect_fail, re.MULTILINE)
                   if args.expect_fail is not None else None)
    except re.error as error:
        return misuse(f"bad --expect-fail regex {args.expect_fail!r}: {error}")

    output = os.path.abspath(args.output)
    if output in ("/", os.path.expanduser("~")) or len(output) < 8:
        return misuse(f"refusing to use {output} as the output directory")
    # Start clean: a stale result must never make a case pass.
    if os.path.lexists(output):
        if os.path.isdir(output) and not os.path.islink(output):
            shutil.rmtree(output)
        else:
            os.unlink(output)
    os.makedirs(os.path.dirname(output), exist_ok=True)

    command = [args.exe, "run", args.prm, "--output", output, "--quiet"]
    for assignment in args.sets:
        command += ["--set", assignment]
    env = dict(os.environ)
    if args.np > 1:
        command = ([args.mpiexec, args.numproc_flag, str(args.np)]
                   + args.preflag + command)
        # Open MPI refuses root and more ranks than cores unless told.
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            env.setdefault("OMPI_ALLOW_RUN_AS_ROOT", "1")
            env.setdefault("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        env.setdefault("OMPI_MCA_rmaps_base_oversubscribe", "1")

    print(f"{tag}: {shlex.join(command)}", flush=True)
    start = time.monotonic()
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True,
                            errors="replace")
    seconds = time.monotonic() - start
    print(f"{tag}: fasciafe finished with {describe_status(result.returncode)}"
          f" after {seconds:.1f} s")
    show("fasciafe stdout", result.stdout)
    show("fasciafe stderr", result.stderr)

    problems = []
    if pattern is not None:
        if result.returncode == 0:
            problems.append("expected a failure, but the run exited with "
                            "status 0")
        elif result.returncode < 0:
            problems.append("expected a clean failure, but the run was "
                            + describe_status(result.returncode))
        if not pattern.search(result.stdout + result.stderr):
            problems.append("the output does not match the expected regex "
                            f"{args.expect_fail!r}")
        if os.path.lexists(output):
            problems.append(f"the output directory {output} was created")
    else:
        if result.returncode != 0:
            problems.append(f"the run failed ({describe_status(result.returncode)})")
        elif not os.path.isdir(output):
            problems.append(f"the run did not create {output}")
        else:
            if args.check:
                check = [args.python, args.check, output]
                print(f"{tag}: {shlex.join(check)}", flush=True)
                status = subprocess.run(check).returncode
                if status != 0:
                    problems.append(f"the check {os.path.basename(args.check)}"
                                    f" failed ({describe_status(status)})")
            if args.reference:
                compare = [sys.executable,
                           os.path.join(HERE, "compare_summary.py"),
                           os.path.join(output, "summary.txt"),
                           args.reference, "--name", args.name]
                if args.abs is not None:
                    compare += ["--abs", args.abs]
                if args.rel is not None:
                    compare += ["--rel", args.rel]
                sys.stdout.flush()
                status = subprocess.run(compare).returncode
                if status != 0:
                    problems.append("the summary does not match the reference"
                                    f" ({describe_status(status)})")

    if problems:
        for problem in problems:
            print(f"{tag}: FAILED: {problem}")
        return 1
    print(f"{tag}: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
