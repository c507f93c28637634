#!/usr/bin/env python3
"""Write a finely tessellated STL sphere for the STL-against-analytic
verification: the icosphere of tests/data/tips/make_tip_stl.py (poles on
the z axis) with 5 subdivisions, 20 480 triangles, radius 10 mm (file in
mm), whose facets lie within R (1 - cos(theta_e / 2)) ~ 3e-6 m of the
sphere (theta_e ~ 0.014 rad the edge angle): below 1 % of the test depths.

Usage: make_fine_icosphere.py OUTPUT.stl
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "data", "tips"))
from make_tip_stl import icosphere, write_binary  # noqa: E402

if __name__ == "__main__":
    os.makedirs(os.path.dirname(os.path.abspath(sys.argv[1])), exist_ok=True)
    write_binary(sys.argv[1] + ".tmp", icosphere(5, 10.0))
    os.replace(sys.argv[1] + ".tmp", sys.argv[1])
