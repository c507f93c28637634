#!/usr/bin/env bash
# Hertz mesh-convergence study (docs/verification.md): runs
# scenarios/verification/hertz_axisymmetric.prm with zone element sizes
# h0 = 0.4, 0.2 (the file's default) and 0.1 mm, one after the other, then
# prints the force and contact radius at d/R = 0.05 against Hertz and the
# exact Sneddon sphere, the observed order and a Richardson extrapolation.
#
# Usage: benchmarks/hertz_convergence.sh [FASCIAFE] [OUTPUT_DIR]
#   FASCIAFE    the fasciafe binary (default build/fasciafe)
#   OUTPUT_DIR  where the runs go (default results/hertz_convergence);
#               one subfolder h<size> per mesh
# The finest mesh takes a few minutes on one core.
set -euo pipefail

exe=${1:-build/fasciafe}
out=${2:-results/hertz_convergence}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prm=$root/scenarios/verification/hertz_axisymmetric.prm

if [[ ! -x $exe ]]; then
  echo "hertz_convergence.sh: '$exe' is not an executable fasciafe binary" >&2
  exit 2
fi
mkdir -p "$out"

for size in 0.0004 0.0002 0.0001; do
  echo "h0 = $size m -> $out/h$size"
  start=$SECONDS
  "$exe" run "$prm" \
    --set "Geometry/Zone element size=$size" \
    --quiet --output "$out/h$size"
  echo "  done in $((SECONDS - start)) s"
done

/usr/bin/python3 "$root/benchmarks/hertz_convergence.py" "$out"
