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


def run_with_phases(exe, prm, out, phases, what, sets=()):
    """Run `exe run PRM` into OUT (emptied first) with Protocol/Phases set
    to PHASES and the further --set options SETS ("Section/Name=value");
    on failure print its output and exit naming WHAT."""
    import shutil
    import subprocess
    shutil.rmtree(out, ignore_errors=True)
    command = [exe, "run", prm, "--output", out, "--quiet",
               "--set", f"Protocol/Phases={phases}"]
    for s in sets:
        command += ["--set", s]
    p = subprocess.run(command, capture_output=True, text=True)
    if p.returncode != 0:
        print(p.stdout + p.stderr)
        raise SystemExit(f"{what} failed ({p.returncode})")
    return out
