#!/usr/bin/python3
"""Copy a FasciaFE run directory to a small stored test result.

    /usr/bin/python3 reduce_run.py RUN_DIR DEST_DIR [--steps all|last|none]

Keeps history.csv and summary.txt unchanged; run.json with, of every
parameter entry, only its "value" (the documentation and patterns make up
most of its size; every reader uses parameters.<section>.<entry>.value);
solution.pvd and the vtu/ files of the kept output steps (all, the last,
or none; solution.pvd then lists only those); and fields.h5 reduced to
the time attribute and the cell data sets the figure tests compare with
(lambda, von_mises, contact_pressure), gzip-compressed, of the same steps.
Dropped: history.h5, fields.xdmf, log.txt, checkpoint/.
"""

import argparse
import json
import os
import re
import shutil

import h5py

FIELDS = ("lambda", "von_mises", "contact_pressure")


def values_only(node):
    if isinstance(node, dict):
        if "value" in node and not isinstance(node["value"], dict):
            return {"value": node["value"]}
        return {k: values_only(v) for k, v in node.items()}
    return node


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run")
    p.add_argument("dest")
    p.add_argument("--steps", choices=("all", "last", "none"), default="all")
    a = p.parse_args()
    shutil.rmtree(a.dest, ignore_errors=True)
    os.makedirs(a.dest)
    for name in ("history.csv", "summary.txt"):
        shutil.copy(os.path.join(a.run, name), a.dest)
    with open(os.path.join(a.run, "run.json")) as f:
        info = json.load(f)
    info["parameters"] = values_only(info["parameters"])
    with open(os.path.join(a.dest, "run.json"), "w") as f:
        json.dump(info, f, indent=1)
        f.write("\n")
    if a.steps == "none":
        return
    with open(os.path.join(a.run, "solution.pvd")) as f:
        pvd = f.read()
    lines = pvd.splitlines(keepends=True)
    sets = [l for l in lines if "<DataSet" in l]
    keep = sets if a.steps == "all" else sets[-1:]
    os.makedirs(os.path.join(a.dest, "vtu"))
    steps = []
    for line in keep:
        record = re.search(r'file="([^"]+)"', line).group(1)
        steps.append(re.search(r"solution_(\d+)", record).group(1))
        shutil.copy(os.path.join(a.run, record),
                    os.path.join(a.dest, record))
        for piece in os.listdir(os.path.join(a.run, "vtu")):
            if piece.startswith(f"solution_{steps[-1]}.") and \
                    piece.endswith(".vtu"):
                shutil.copy(os.path.join(a.run, "vtu", piece),
                            os.path.join(a.dest, "vtu"))
    with open(os.path.join(a.dest, "solution.pvd"), "w") as f:
        f.write("".join(l for l in lines if "<DataSet" not in l or l in keep))
    with h5py.File(os.path.join(a.run, "fields.h5")) as src, \
            h5py.File(os.path.join(a.dest, "fields.h5"), "w") as dst:
        for key, value in src.attrs.items():
            dst.attrs[key] = value
        for step in steps:
            group = src[f"step_{step}"]
            out = dst.create_group(f"step_{step}")
            for key, value in group.attrs.items():
                out.attrs[key] = value
            for name in FIELDS:
                data = out.create_dataset(name, data=group[name][()],
                                          compression="gzip",
                                          compression_opts=9, shuffle=True)
                for key, value in group[name].attrs.items():
                    data.attrs[key] = value


if __name__ == "__main__":
    main()
