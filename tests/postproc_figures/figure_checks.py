"""Checks shared by the figure tests: PNG and PDF headers and sizes, the
sidecar CSV against its source, non-blank renders. Standard library plus
numpy and matplotlib (PNG decoding)."""

import csv
import math
import os
import re
import shutil
import struct
import subprocess
import sys

SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIGURES = os.path.join(SOURCE, "postproc", "figures.py")
DATA = os.path.join(SOURCE, "tests", "data", "results")
PYTHON = "/usr/bin/python3"
DPI = 300
WIDTHS = {1: 3.5, 2: 7.2}


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print("  ok:", message)


def figures(*args, expect=0):
    """Run postproc/figures.py ARGS; return (stdout, stderr)."""
    done = subprocess.run([PYTHON, FIGURES] + [str(a) for a in args],
                          capture_output=True, text=True)
    if done.returncode != expect:
        print(done.stdout, done.stderr)
        raise CheckFailed(f"figures.py {' '.join(map(str, args))}: exit "
                          f"{done.returncode}, expected {expect}")
    return done.stdout, done.stderr


def png_chunks(path):
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{os.path.basename(path)}: PNG "
          "signature")
    chunks, offset = {}, 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.setdefault(kind.decode(), data[offset + 8:offset + 8 + length])
        offset += 12 + length
    return chunks


def check_png(path, columns, aspect=None):
    """PNG signature, width = inches * 300 (height too if aspect is given),
    300 dpi in pHYs; returns (width, height)."""
    chunks = png_chunks(path)
    width, height = struct.unpack(">II", chunks["IHDR"][:8])
    name = os.path.basename(path)
    expected = round(WIDTHS[columns] * DPI)
    check(width == expected, f"{name}: width {width} px == {WIDTHS[columns]}"
          f" in x {DPI} dpi = {expected}")
    if aspect is not None:
        expected_h = round(WIDTHS[columns] * aspect * DPI)
        check(height == expected_h, f"{name}: height {height} px == "
              f"{expected_h} (aspect {aspect})")
    ppm_x, ppm_y, unit = struct.unpack(">IIB", chunks["pHYs"])
    check(unit == 1 and abs(ppm_x * 0.0254 - DPI) < 0.5,
          f"{name}: pHYs {ppm_x} px/m = {ppm_x * 0.0254:.1f} dpi")
    return width, height


def check_pdf(path, columns, height_px=None):
    """PDF header and a MediaBox of the figure width (and height) in pt."""
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    check(data[:5] == b"%PDF-", f"{name}: PDF header {data[:8]!r}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]",
                       data)
    check(len(boxes) == 1, f"{name}: one page ({len(boxes)} MediaBox)")
    w, h = (float(v) for v in boxes[0])
    check(abs(w - WIDTHS[columns] * 72) < 0.01,
          f"{name}: page width {w} pt == {WIDTHS[columns] * 72} pt")
    if height_px is not None:
        check(abs(h - height_px / DPI * 72) < 0.01,
              f"{name}: page height {h} pt == {height_px / DPI * 72:.3f} pt")


def check_figure(folder, name, columns=1, aspect=None):
    """NAME.png, NAME.pdf (sizes) and NAME.csv exist; returns the sidecar."""
    width, height = check_png(os.path.join(folder, name + ".png"), columns,
                              aspect)
    check_pdf(os.path.join(folder, name + ".pdf"), columns, height)
    return read_csv(os.path.join(folder, name + ".csv"))


def read_csv(path):
    """(header, units, rows as lists of strings) of a '# units:' CSV."""
    with open(path, newline="") as f:
        lines = f.read().splitlines()
    check(lines[0].startswith("# units: "), f"{os.path.basename(path)}: "
          "units line")
    units = lines[0][len("# units: "):].split(",")
    reader = csv.reader(lines[1:])
    header = next(reader)
    return header, units, [r for r in reader]


def column(table, name):
    header, _, rows = table
    k = header.index(name)
    return [r[k] for r in rows]


def close(a, b, rel=1e-12, abs_=0.0):
    return abs(a - b) <= abs_ + rel * abs(b)


def check_columns(table, source, names, rel=1e-12):
    """Each column of the sidecar equals the source column (float lists)."""
    for name in names:
        got = [float(v) for v in column(table, name)]
        want = source[name]
        worst = max((abs(g - w) / max(abs(w), 1e-300) if w else abs(g)
                     for g, w in zip(got, want)), default=0.0)
        check(len(got) == len(want) and worst <= rel,
              f"sidecar column {name}: {len(got)} values, largest relative "
              f"difference {worst:.2e} <= {rel:g}")


def pixel_statistics(path):
    """(standard deviation of the grey values 0..1, fraction of pixels that
    differ from the corner (background) colour by more than 0.1)."""
    import matplotlib.image
    import numpy as np
    image = matplotlib.image.imread(path)[..., :3].astype(float)
    background = image[2, 2]
    differs = np.abs(image - background).max(axis=2) > 0.1
    return float(image.mean(axis=2).std()), float(differs.mean())


def check_not_blank(path, min_std=0.05, min_fraction=0.05):
    std, fraction = pixel_statistics(path)
    check(std > min_std, f"{os.path.basename(path)}: grey-value standard "
          f"deviation {std:.3f} > {min_std} (a blank image has 0)")
    check(fraction > min_fraction, f"{os.path.basename(path)}: {fraction:.1%}"
          f" of the pixels differ from the background (> {min_fraction:.0%})")
    return std, fraction


def main(cases):
    """Run the case named by argv[1] in the work folder argv[2] (emptied
    first)."""
    name, work = sys.argv[1], sys.argv[2]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    try:
        cases[name](work)
    except CheckFailed as failure:
        print("FAILED:", failure)
        return 1
    print("passed")
    return 0

