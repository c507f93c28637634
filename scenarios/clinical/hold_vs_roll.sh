#!/usr/bin/env bash
# The hold_vs_roll comparison (issue: tools and protocols): the foam roller
# held (foam_roller_hold.prm) and rolled (foam_roller_roll.prm) for the
# same 60 s at the same force (1500 N/m, force control, so the peak forces
# are equal), then the table of postproc/hold_vs_roll.py: time for the
# target's mean lambda to fall below 0.5 (or "never"), released volume,
# peak pressure, dissipated energy.
#
#   bash scenarios/clinical/hold_vs_roll.sh [OUTPUT_DIR] [--set S=V]...
#
# OUTPUT_DIR defaults to results/hold_vs_roll (runs in hold/ and roll/,
# table in hold_vs_roll.csv and hold_vs_roll.md); --set options go to both
# runs. Uses build/fasciafe (scripts/setup.sh builds it). Measured
# (2026-12-02, one MPI rank each, shared 2-core machine): hold 1.0 min
# (25 steps), roll 12.4 min (269 steps), 13.4 min in all; the table:
#   case  time_to_release  released_volume  peak_pressure  dissipated_energy
#   hold  6.95 s           2.0e-5 m^2       39.6 kPa       0.185 J/m
#   roll  12.08 s          2.0e-5 m^2       50.3 kPa       0.169 J/m
# (peak force 1500.15 N/m in both; minimum target lambda 0.065 held,
# 0.156 rolled). With the assumed default thixotropy constants rolling
# delays the release but does not prevent it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/results/hold_vs_roll}"
[ $# -gt 0 ] && shift
sets=()
while [ $# -gt 0 ]; do
  sets+=("$1")
  shift
done
exe="${FASCIAFE:-$root/build/fasciafe}"
[ -x "$exe" ] || { echo "hold_vs_roll: error: $exe not found (run scripts/setup.sh)" >&2; exit 2; }
for case in hold roll; do
  "$exe" run "$root/scenarios/clinical/foam_roller_$case.prm" \
    --output "$out/$case" --quiet "${sets[@]}"
done
/usr/bin/python3 "$root/postproc/hold_vs_roll.py" "$out/hold" "$out/roll" --output "$out"
