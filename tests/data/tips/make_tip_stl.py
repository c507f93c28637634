#!/usr/bin/env python3
"""Write the STL test files of tests/unit/test_stl_tip.cc (run from any
directory; the files land next to this script):

- icosphere_r10mm.stl: binary STL of an icosphere of radius 10 mm (the
  icosahedron with vertices at both poles, each face split into 4 twice and
  projected onto the sphere: 320 triangles, outward normals). Its lowest
  vertex is the pole (0, 0, -10).
- icosphere_r10mm_open.stl: the same without the 5 triangles around the top
  pole (a hole: 5 boundary edges).
- not_an_stl.stl: a text file that is not STL.
"""
import math
import os
import struct


def icosphere(subdivisions, radius):
    z = 1.0 / math.sqrt(5.0)
    r = 2.0 / math.sqrt(5.0)
    vertices = [(0.0, 0.0, 1.0), (0.0, 0.0, -1.0)]
    for k in range(5):
        a = 2.0 * math.pi * k / 5.0
        vertices.append((r * math.cos(a), r * math.sin(a), z))
    for k in range(5):
        a = 2.0 * math.pi * (k + 0.5) / 5.0
        vertices.append((r * math.cos(a), r * math.sin(a), -z))
    faces = []
    for k in range(5):
        u0, u1 = 2 + k, 2 + (k + 1) % 5
        l0, l1 = 7 + k, 7 + (k + 1) % 5
        faces += [(0, u0, u1), (1, l1, l0), (u0, l0, u1), (u1, l0, l1)]
    for _ in range(subdivisions):
        midpoint = {}

        def mid(i, j):
            key = (min(i, j), max(i, j))
            if key not in midpoint:
                p = [(a + b) / 2.0 for a, b in zip(vertices[i], vertices[j])]
                n = math.sqrt(sum(c * c for c in p))
                vertices.append(tuple(c / n for c in p))
                midpoint[key] = len(vertices) - 1
            return midpoint[key]

        new_faces = []
        for a, b, c in faces:
            ab, bc, ca = mid(a, b), mid(b, c), mid(c, a)
            new_faces += [(a, ab, ca), (b, bc, ab), (c, ca, bc), (ab, bc, ca)]
        faces = new_faces
    points = [tuple(radius * c for c in v) for v in vertices]
    triangles = []
    for f in faces:
        p = [points[i] for i in f]
        u = [p[1][d] - p[0][d] for d in range(3)]
        v = [p[2][d] - p[0][d] for d in range(3)]
        n = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2],
             u[0] * v[1] - u[1] * v[0])
        if sum(n[d] * (p[0][d] + p[1][d] + p[2][d]) for d in range(3)) < 0:
            p = [p[0], p[2], p[1]]
            n = tuple(-c for c in n)
        length = math.sqrt(sum(c * c for c in n))
        triangles.append((tuple(c / length for c in n), p))
    return triangles


def write_binary(path, triangles):
    with open(path, "wb") as f:
        f.write(b"FasciaFE test icosphere".ljust(80, b" "))
        f.write(struct.pack("<I", len(triangles)))
        for n, p in triangles:
            f.write(struct.pack("<12fH", *n, *p[0], *p[1], *p[2], 0))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sphere = icosphere(2, 10.0)
    write_binary(os.path.join(here, "icosphere_r10mm.stl"), sphere)
    top = [t for t in sphere
           if not any(abs(q[0]) < 1e-9 and abs(q[1]) < 1e-9 and q[2] > 0
                      for q in t[1])]
    write_binary(os.path.join(here, "icosphere_r10mm_open.stl"), top)
    with open(os.path.join(here, "not_an_stl.stl"), "w") as f:
        f.write("This is a parameter file, not an STL surface.\n"
                "set Radius = 0.01\n")
