#!/usr/bin/env bash
# Set-up (Debian packages, Release build in build/, see scripts/setup.sh),
# then the whole test suite:
#   ctest --test-dir build --output-on-failure -j2 --timeout 1500 [ARGS...]
# Extra arguments go to ctest, e.g. `-L unit`, `-R format`, `-LE mpi`.
# Exits with ctest's status.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# shellcheck source=scripts/setup.sh
source "$root/scripts/setup.sh"

echo "[tests] ctest --test-dir build --output-on-failure -j2 --timeout 1500 $*"
start=$SECONDS
status=0
ctest --test-dir build --output-on-failure -j2 --timeout 1500 "$@" || status=$?
echo "[tests] ctest: exit status $status ($((SECONDS - start)) s)"
exit "$status"
