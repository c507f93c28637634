#!/usr/bin/env bash
# Cost of a Newton iteration against problem size: the 3D quarter-block
# sphere indentation (scenarios/verification/hertz_3d_quarter.prm with a
# finer base mesh) at three sizes, about 2e4, 1.6e5 and 1.3e6 degrees of
# freedom (global refinements 0, 1, 2), GMRES + BoomerAMG.
# Each size runs one time step of 0.1 mm and at most MAX_NEWTON (default
# 3) Newton iterations: the per-iteration timings are what is measured, so
# the step need not converge (the run then ends with status 3, expected).
#
# Usage: benchmarks/indentation_scaling.sh [FASCIAFE] [OUT] [NP] [SIZES]
#   FASCIAFE  default build/fasciafe;  OUT default results/scaling
#   NP        MPI ranks (default 2);    SIZES default "0 1 2"
# Prints: dofs, Newton iterations, linear iterations per solve, wall time
# per Newton iteration split into assembly, solver set-up and solve, and
# the peak resident memory; then the exponent of cost ~ dofs^k.
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exe=${1:-build/fasciafe}
out=${2:-results/scaling}
np=${3:-2}
sizes=${4:-"0 1 2"}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1
mkdir -p "$out"
for r in $sizes; do
  mpirun -np "$np" "$exe" run "$here/../scenarios/verification/hertz_3d_quarter.prm" \
    --output "$out/refine$r" --quiet \
    --set "Geometry/Zone element size=0.0008" \
    --set "Geometry/Global refinements=$r" \
    --set "Protocol/Table=0 0; 1 0.0001" \
    --set "Time stepping/Initial time step=1" \
    --set "Time stepping/Maximum time step=1" \
    --set "Time stepping/Maximum cut-backs=0" \
    --set "Nonlinear solver/Maximum iterations=${MAX_NEWTON:-3}" \
    --set "Output/Field output interval=0"
  echo "refinement $r: exit status $? (3 = step stopped at the Newton limit)"
done
/usr/bin/python3 "$here/indentation_scaling.py" "$out" $sizes
