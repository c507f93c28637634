"""Shared by the regression checks: report() prints a list of (text,
passed) checks as "ok" / "FAIL" lines and a final PASS or FAIL and returns
the exit status (0 when every check passed, else 1); run_with_phases()
runs a parameter file with another phase list."""

import shutil
import subprocess


def report(checks):
    ok = True
    for text, good in checks:
        print(("ok   " if good else "FAIL ") + text)
        ok &= bool(good)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def run_with_phases(exe, prm, out, phases, what):
    """Run `exe run PRM` into OUT (emptied first) with Protocol/Phases set
    to PHASES; on failure print its output and exit naming WHAT."""
    import shutil
    import subprocess
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run([exe, "run", prm, "--output", out, "--quiet",
                        "--set", f"Protocol/Phases={phases}"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout + p.stderr)
        raise SystemExit(f"{what} failed ({p.returncode})")
    return out
