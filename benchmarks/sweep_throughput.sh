#!/usr/bin/env bash
# Throughput of `fasciafe sweep`: cases per hour of the hold-duration sweep
# (scenarios/sweeps/hold_duration.prm, 8 cases) on NP MPI ranks with one
# case per rank, in 2D axisymmetric (the file as it is) and in 3D (a
# quarter model of the same scenario, --set on every case; SET3D below).
# Each variant is run from scratch into OUT/<variant>; the figure is the
# number of cases over the wall time of the whole `mpirun ... sweep`
# (set-up, all cases, aggregation).
#
# Usage: benchmarks/sweep_throughput.sh [FASCIAFE] [OUT] [NP] [VARIANTS]
#   FASCIAFE default build/fasciafe;  OUT default results/sweep_throughput
#   NP       MPI ranks (default 2);   VARIANTS default "2d 3d"
# CASES3D=A-B runs only the cases A..B of the 3D variant (e.g. 0-1, the
# two 10 s holds; the manifest is written first with --emit-slurm): a 3D
# case takes minutes to tens of minutes on one core.
# Prints per variant: cases, done, failed, wall time [s], cases per hour,
# and the mean and largest case wall time [s] (from summary.csv).
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exe=${1:-build/fasciafe}
out=${2:-results/sweep_throughput}
np=${3:-2}
variants=${4:-"2d 3d"}
sweep=$here/../scenarios/sweeps/hold_duration.prm
mkdir -p "$out"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1
# 3D: quarter block 50 x 50 mm, a coarser graded mesh than the
# axisymmetric one (zone 4 mm, ratio 1.6: about 2e4 dofs) and MUMPS
# (the iterative default needs hundreds of Krylov iterations here).
SET3D=(--set "Geometry/Model type=3d" --set "Geometry/Symmetry=quarter"
       --set "Geometry/Half width x=0.05" --set "Geometry/Half width y=0.05"
       --set "Geometry/Zone element size=0.004" --set "Geometry/Grading ratio=1.6"
       --set "Linear solver/Method=direct"
       --set "Time stepping/Initial time step=0.25")
for v in $variants; do
  rm -rf "$out/$v"
  extra=()
  select=()
  if [ "$v" = 3d ]; then
    extra=("${SET3D[@]}")
    if [ -n "${CASES3D:-}" ]; then
      "$exe" sweep "$sweep" --output "$out/$v" "${extra[@]}" --emit-slurm \
        > /dev/null
      select=(--cases "$CASES3D")
    fi
  fi
  start=$(date +%s.%N)
  mpirun -np "$np" "$exe" sweep "$sweep" --output "$out/$v" \
    --ranks-per-case 1 "${extra[@]}" "${select[@]}" > "$out/$v.log" 2>&1
  status=$?
  end=$(date +%s.%N)
  "$exe" sweep "$sweep" --output "$out/$v" "${extra[@]}" --aggregate \
    --quiet > /dev/null
  /usr/bin/python3 - "$out/$v" "$v" "$start" "$end" "$status" "$np" <<'PY'
import csv, sys
out, v, start, end, status, np = sys.argv[1:]
wall = float(end) - float(start)
with open(out + "/summary.csv") as f:
    next(f)
    rows = [r for r in csv.DictReader(f) if r["status"] != "pending"]
done = [r for r in rows if r["status"] == "done"]
times = [float(r["wall_time"]) for r in done]
print(f"{v}: {len(rows)} cases, {len(done)} done, "
      f"{len(rows) - len(done)} failed (exit {status}), {np} ranks, "
      f"wall {wall:.0f} s -> {len(rows) / wall * 3600:.1f} cases per hour; "
      f"case wall time mean {sum(times) / max(len(times), 1):.0f} s, "
      f"largest {max(times, default=0):.0f} s")
PY
done
