#!/usr/bin/python3
"""Compare a run's summary.txt with a stored reference (FasciaFE regression tests).

Usage:
  compare_summary.py RUN_SUMMARY REFERENCE [--abs TOL] [--rel TOL] [--name NAME]
  compare_summary.py --self-test

File format (both files): one "key value" pair per line; keys are snake_case,
values are numbers or single words; lines starting with '#' and blank lines
are ignored.

Rules: every key of the reference must be in the run (keys only in the run are
ignored); a numeric value passes if |run - reference| <= ABS + REL * |reference|;
a word must match exactly; a number never matches a word. Keys ending in
"_iterations" (solver effort, not results: they may differ by a few between
runs on different numbers of MPI ranks) pass within 10 % of the reference.

Regeneration: with FASCIAFE_REGENERATE_REFERENCES=1 in the environment the
reference is (over)written from the run instead of compared (see
tests/README.md), and the comparison passes.

Exit status: 0 pass (or reference regenerated), 1 mismatch or missing
reference, 2 unreadable or malformed input, wrong usage. Standard library only.
"""

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

DEFAULT_ABS = 1e-12
DEFAULT_REL = 1e-6
REGENERATE_VARIABLE = "FASCIAFE_REGENERATE_REFERENCES"

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


class SummaryError(Exception):
    """A summary file that cannot be read or does not follow the format."""


def parse_summary(path):
    """Return an ordered dict key -> value string; raise SummaryError."""
    try:
        with open(path, encoding="utf-8") as stream:
            lines = stream.read().splitlines()
    except OSError as error:
        raise SummaryError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise SummaryError(f"{path}: not a UTF-8 text file") from None
    values = {}
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = text.split()
        if len(fields) != 2:
            raise SummaryError(
                f"{path}:{number}: expected 'key value', got {text!r}")
        key, value = fields
        if not _KEY.match(key):
            raise SummaryError(
                f"{path}:{number}: key {key!r} is not snake_case")
        if key in values:
            raise SummaryError(f"{path}:{number}: key {key!r} repeated")
        values[key] = value
    return values


def is_number(value):
    return bool(_NUMBER.match(value))


ITERATION_REL = 0.1


def compare(run, reference, abs_tol, rel_tol):
    """Compare parsed summaries; return a list of failure rows
    (key, value, reference, tolerance, reason)."""
    failures = []
    for key, ref in reference.items():
        if key not in run:
            failures.append((key, "(missing)", ref, "-", "key not in run"))
            continue
        val = run[key]
        if is_number(ref):
            tol = abs_tol + rel_tol * abs(float(ref))
            if key.endswith("_iterations"):
                tol = max(tol, ITERATION_REL * abs(float(ref)))
            tol_text = f"{tol:.3g}"
            if not is_number(val):
                failures.append((key, val, ref, tol_text, "not a number"))
                continue
            diff = abs(float(val) - float(ref))
            if not diff <= tol:
                failures.append((key, val, ref, tol_text, f"|diff| = {diff:.3g}"))
        elif val != ref:
            failures.append((key, val, ref, "exact", "word differs"))
    return failures


def format_table(rows):
    header = ("key", "value", "reference", "tolerance", "reason")
    rows = [header] + [tuple(str(c) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_reference(run_path, reference_path, name):
    """(Over)write the reference from the run's summary; return the key count."""
    run = parse_summary(run_path)
    if not run:
        raise SummaryError(f"{run_path}: no 'key value' lines")
    title = name or os.path.splitext(os.path.basename(reference_path))[0]
    text = (f"# Reference summary of the regression test {title}.\n"
            f"# Written from a run by {REGENERATE_VARIABLE}=1; see tests/README.md.\n"
            + "".join(f"{key} {value}\n" for key, value in run.items()))
    directory = os.path.dirname(os.path.abspath(reference_path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        prefix=".tmp-", suffix=".txt", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, reference_path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return len(run)


def regenerate_requested(environ=None):
    environ = os.environ if environ is None else environ
    return environ.get(REGENERATE_VARIABLE, "").strip().lower() in (
        "1", "true", "yes", "on")


def run_comparison(run_path, reference_path, abs_tol, rel_tol, regenerate,
                   name="", out=sys.stdout):
    """The command-line behaviour; returns the exit status."""
    tag = f"compare_summary[{name}]" if name else "compare_summary"
    try:
        if regenerate:
            count = write_reference(run_path, reference_path, name)
            print(f"{tag}: {REGENERATE_VARIABLE}=1: wrote {count} keys from "
                  f"{run_path} to the reference {reference_path} "
                  "(not compared; review the change before committing)",
                  file=out)
            return 0
        if not os.path.exists(reference_path):
            print(f"{tag}: FAILED: the reference {reference_path} does not "
                  f"exist; create it with {REGENERATE_VARIABLE}=1 "
                  "(see tests/README.md)", file=out)
            return 1
        run = parse_summary(run_path)
        reference = parse_summary(reference_path)
    except SummaryError as error:
        print(f"{tag}: error: {error}", file=out)
        return 2
    if not reference:
        print(f"{tag}: error: {reference_path}: no 'key value' lines", file=out)
        return 2
    failures = compare(run, reference, abs_tol, rel_tol)
    if failures:
        print(f"{tag}: FAILED: {len(failures)} of {len(reference)} keys "
              f"out of tolerance (abs {abs_tol:g}, rel {rel_tol:g})\n"
              f"  run:       {run_path}\n  reference: {reference_path}\n",
              file=out)
        print(format_table(failures), file=out)
        print(f"\nIf the change is intended, regenerate with "
              f"{REGENERATE_VARIABLE}=1 (see tests/README.md).", file=out)
        return 1
    print(f"{tag}: ok: {len(reference)} keys within abs {abs_tol:g} + "
          f"rel {rel_tol:g} of {reference_path}", file=out)
    return 0


# ---------------------------------------------------------------------------
# Self-test of the comparer (ctest compare_summary.DetectsOutOfToleranceValues)

def self_test():
    import io

    checks = []

    def check(label, condition):
        checks.append((label, bool(condition)))
        print(f"  {'ok  ' if condition else 'FAIL'} {label}")

    reference_text = ("# a comment\n\n"
                      "max_force 100\n"
                      "tip_displacement -2.5e-3\n"
                      "status converged\n"
                      "n_steps 40\n")

    with tempfile.TemporaryDirectory(prefix="compare_summary_") as tmp:
        def write(name, text):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(text)
            return path

        def status(run_text, abs_tol=1e-3, rel_tol=1e-5, reference=None,
                   regenerate=False):
            run_path = write("run.txt", run_text)
            ref_path = reference or write("reference.txt", reference_text)
            return run_comparison(run_path, ref_path, abs_tol, rel_tol,
                                  regenerate, out=io.StringIO())

        # Tolerance for max_force: 1e-3 + 1e-5 * 100 = 2e-3.
        base = "tip_displacement -2.5e-3\nstatus converged\nn_steps 40\n"
        check("identical summary passes", status(reference_text) == 0)
        check("value just inside the tolerance passes",
              status("max_force 100.00199\n" + base) == 0)
        check("value just outside the tolerance fails",
              status("max_force 100.00201\n" + base) == 1)
        check("value just outside, below the reference, fails",
              status("max_force 99.99799\n" + base) == 1)
        check("relative part scales with |reference|",
              status("max_force 100.0015\n" + base, abs_tol=0.0,
                     rel_tol=2e-5) == 0
              and status("max_force 100.0025\n" + base, abs_tol=0.0,
                         rel_tol=2e-5) == 1)
        check("zero tolerances demand equality",
              status(reference_text, 0.0, 0.0) == 0
              and status("max_force 100.000001\n" + base, 0.0, 0.0) == 1)
        check("missing key fails",
              status("max_force 100\nstatus converged\nn_steps 40\n") == 1)
        check("word mismatch fails",
              status("max_force 100\ntip_displacement -2.5e-3\n"
                     "status failed\nn_steps 40\n") == 1)
        check("word where a number is expected fails",
              status("max_force nan\n" + base) == 1)
        check("integer off by one fails",
              status("max_force 100\ntip_displacement -2.5e-3\n"
                     "status converged\nn_steps 41\n", 0.0, 1e-6) == 1)
        check("extra keys in the run are ignored",
              status(reference_text + "wall_time 12.5\n") == 0)
        check("malformed line is an error (2)",
              status("max_force 100 N\n" + base) == 2)
        check("missing run summary is an error (2)",
              run_comparison(os.path.join(tmp, "absent.txt"),
                             write("reference.txt", reference_text),
                             1e-3, 1e-5, False, out=io.StringIO()) == 2)
        check("missing reference fails (1)",
              status(reference_text,
                     reference=os.path.join(tmp, "absent_ref.txt")) == 1)

        # Failure table names key, value, reference and tolerance.
        out = io.StringIO()
        run_comparison(write("run.txt", "max_force 101\n" + base),
                       write("reference.txt", reference_text), 1e-3, 1e-5,
                       False, out=out)
        table = out.getvalue()
        check("failure table names key, value, reference, tolerance",
              "max_force" in table and "101" in table and "100" in table
              and "0.002" in table)

        # Regeneration writes the reference from the run, then it compares.
        new_ref = os.path.join(tmp, "references", "case.txt")
        run_text = "max_force 123.5\nstatus converged\n"
        check("regeneration writes a missing reference",
              status(run_text, reference=new_ref, regenerate=True) == 0
              and parse_summary(new_ref) == {"max_force": "123.5",
                                             "status": "converged"})
        check("regenerated reference then passes",
              status(run_text, reference=new_ref) == 0)
        check("regeneration overwrites an existing reference",
              status("max_force 7\n", reference=new_ref, regenerate=True) == 0
              and parse_summary(new_ref) == {"max_force": "7"})
        check("regeneration switch read from the environment",
              regenerate_requested({REGENERATE_VARIABLE: "1"})
              and not regenerate_requested({REGENERATE_VARIABLE: "0"})
              and not regenerate_requested({}))

        # The command line itself: exit statuses, and the environment switch.
        env = dict(os.environ)
        env.pop(REGENERATE_VARIABLE, None)
        script = os.path.abspath(__file__)
        ref_path = write("reference.txt", reference_text)

        def cli(run_text, extra_env=None):
            run_path = write("run.txt", run_text)
            return subprocess.run(
                [sys.executable, script, run_path, ref_path,
                 "--abs", "1e-3", "--rel", "1e-5"],
                env=dict(env, **(extra_env or {})),
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                universal_newlines=True)
        check("command line: pass exits 0", cli(reference_text).returncode == 0)
        failed = cli("max_force 100.01\n" + base)
        check("command line: fail exits 1 and prints the table",
              failed.returncode == 1 and "max_force" in failed.stdout)
        regen = cli("max_force 5\n", {REGENERATE_VARIABLE: "1"})
        check("command line: regeneration exits 0, says so, writes the file",
              regen.returncode == 0 and REGENERATE_VARIABLE in regen.stdout
              and parse_summary(ref_path) == {"max_force": "5"})

    failed = [label for label, ok in checks if not ok]
    print(f"compare_summary self-test: {len(checks) - len(failed)} of "
          f"{len(checks)} checks passed")
    return 1 if failed else 0


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Compare a FasciaFE summary.txt with a stored reference.")
    parser.add_argument("run", nargs="?", help="the run's summary.txt")
    parser.add_argument("reference", nargs="?", help="the reference file")
    parser.add_argument("--abs", type=float, default=DEFAULT_ABS,
                        help=f"absolute tolerance (default {DEFAULT_ABS:g})")
    parser.add_argument("--rel", type=float, default=DEFAULT_REL,
                        help=f"relative tolerance (default {DEFAULT_REL:g})")
    parser.add_argument("--name", default="", help="test name for messages")
    parser.add_argument("--self-test", action="store_true",
                        help="check the comparer itself and exit")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.run or not args.reference:
        parser.print_usage(sys.stderr)
        return 2
    for label, tol in (("--abs", args.abs), ("--rel", args.rel)):
        if not (math.isfinite(tol) and tol >= 0):
            print(f"compare_summary: error: {label} must be a finite number "
                  f">= 0, got {tol}", file=sys.stderr)
            return 2
    return run_comparison(args.run, args.reference, args.abs, args.rel,
                          regenerate_requested(), args.name)


if __name__ == "__main__":
    sys.exit(main())
