#!/usr/bin/env python3
"""The parameter reference is complete and current.

Usage: check_parameter_reference.py FASCIAFE DOCS_PARAMETERS_MD
- `fasciafe print-parameters --format markdown` equals docs/parameters.md
  (regenerate with: build/fasciafe print-parameters --format markdown >
  docs/parameters.md);
- every entry's description states its unit in brackets, e.g. "[m]", "[-]"
  for dimensionless, or names its choices (selections, booleans, files).
"""

import re
import subprocess
import sys


def main():
    exe, doc = sys.argv[1], sys.argv[2]
    generated = subprocess.run([exe, "print-parameters", "--format",
                                "markdown"], check=True,
                               capture_output=True, text=True).stdout
    failures = []
    with open(doc) as f:
        if f.read() != generated:
            failures.append(f"{doc} is not current: regenerate it with "
                            f"'fasciafe print-parameters --format markdown "
                            f"> docs/parameters.md'")
    section, n_entries = "", 0
    for line in generated.splitlines():
        if line.startswith("## "):
            section = line[3:]
        m = re.match(r"^\| (.+?) \| `(.*?)` \| (.*?) \| (.*) \|$", line)
        if not m:
            continue
        n_entries += 1
        name, _, pattern, doc_text = m.groups()
        has_unit = re.search(r"\[[^\]]+\]", doc_text)
        is_choice = re.search(r"Selection|Bool|FileName|Anything", pattern)
        if not (has_unit or is_choice):
            failures.append(f"{section}/{name}: no unit in its description")
    print(f"{n_entries} entries checked")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures or n_entries == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
