#!/usr/bin/env bash
# Set-up (Debian packages, Release build in build/, see scripts/setup.sh),
# then the default scenario and its figures:
#   build/fasciafe run scenarios/default.prm --output results/default [ARGS...]
#   build/fasciafe figures results/default        (-> results/default/figures/)
# Extra arguments go to `fasciafe run`, e.g. --set "Section/Name=value".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scenario=scenarios/default.prm
output=results/default
if [ ! -f "$scenario" ]; then
  echo "run-demo: error: the scenario file $root/$scenario does not exist" >&2
  exit 1
fi

# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"

echo "[demo] build/fasciafe run $scenario --output $output $*"
start=$SECONDS
build/fasciafe run "$scenario" --output "$output" "$@"
if [ ! -d "$output" ]; then
  echo "run-demo: error: fasciafe exited with status 0 but wrote no $output/" >&2
  exit 1
fi
echo "[demo] finished in $((SECONDS - start)) s; results in $root/$output/:"
ls -l "$output"
echo "[demo] the files are described in docs/output.md"

# Figures of the run (docs/figures.md): curves, renders, ParaView script.
echo "[demo] build/fasciafe figures $output"
start=$SECONDS
build/fasciafe figures "$output"
echo "[demo] figures made in $((SECONDS - start)) s (listed above, in $root/$output/figures/)"
