#!/usr/bin/env bash
# Regenerate the stored runs of the figure tests in tests/data/results/
# (see its README.md) with build/fasciafe:
#   bash tests/postproc_figures/make_run_data.sh
# hold_axisym (all output steps), hold_axisym_shallow (the same, 1.2 mm
# deep; curves only), cut_3d (3D quarter model; its last output step).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/postproc_figures"
data="$root/tests/data/results"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$(id -u)" -eq 0 ]; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
fi
run() { "$root/build/fasciafe" run "$here/inputs/$1.prm" --output "$work/$2" --quiet "${@:3}"; }
run hold_axisym hold_axisym
run hold_axisym hold_axisym_shallow --set "Protocol/Table=0 0; 1 0.0012; 9 0.0012; 10 0"
run cut_3d cut_3d
reduce() { /usr/bin/python3 "$here/reduce_run.py" "$work/$1" "$data/$1" --steps "$2"; }
reduce hold_axisym all
reduce hold_axisym_shallow none
reduce cut_3d last
du -sh "$data"/*
