"""Shared by the regression checks: print a list of (text, passed) checks
as "ok" / "FAIL" lines and a final PASS or FAIL; return the exit status
(0 when every check passed, else 1)."""


def report(checks):
    ok = True
    for text, good in checks:
        print(("ok   " if good else "FAIL ") + text)
        ok &= bool(good)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1
