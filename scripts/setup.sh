#!/usr/bin/env bash
# FasciaFE set-up, idempotent: installs the missing Debian packages, then
# configures (once) and builds FasciaFE in Release mode in build/ at the
# repository root. A second run only rebuilds what changed.
#
#   bash scripts/setup.sh [--packages-only]     # run it, or
#   source scripts/setup.sh                     # source it (the entry scripts
#                                               # do), which also keeps the MPI
#                                               # variables below in your shell
#
# Environment it sets (exported when sourced): OMPI_MCA_rmaps_base_oversubscribe=1
# so that `mpirun -np 2` works on small machines, and, as root only,
# OMPI_ALLOW_RUN_AS_ROOT=1 and OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1. Nothing else
# is exported. When sourced, arguments are ignored (they are the caller's);
# set FASCIAFE_SETUP_PACKAGES_ONLY=1 instead of --packages-only.
#
# Needs Debian 12 (apt-get); uses sudo when not run as root.

# Debian packages FasciaFE needs to build, run and test.
_fasciafe_setup_packages=(
  libdeal.ii-dev petsc-dev libvtk9-dev libhdf5-openmpi-dev libgtest-dev
  openmpi-bin libopenmpi-dev xvfb xauth
  python3 python3-numpy python3-h5py python3-matplotlib python3-vtk9
  clang-format cmake g++ make git
  # An optimised BLAS/LAPACK for MUMPS (Debian's alternatives switch to
  # it; the reference BLAS made 3D factorizations 3 times slower). The
  # serial build: one thread per MPI rank.
  libopenblas0-serial
)

_fasciafe_setup_env() {
  if [ "$(id -u)" -eq 0 ]; then
    export OMPI_ALLOW_RUN_AS_ROOT=1
    export OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  fi
  export OMPI_MCA_rmaps_base_oversubscribe=1
}

# The work, in a subshell so that its options and variables stay inside.
# $1: "1" to stop after the packages.
_fasciafe_setup_run() (
  set -euo pipefail
  packages_only="$1"
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  say() { echo "[setup] $*"; }
  die() {
    echo "[setup] error: $*" >&2
    exit 1
  }

  # --- packages ---------------------------------------------------------------
  start=$SECONDS
  missing=()
  for package in "${_fasciafe_setup_packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    case "$status" in
      *" ok installed") ;;
      *) missing+=("$package") ;;
    esac
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "packages: ok ($((SECONDS - start)) s)"
  else
    say "packages: installing ${#missing[@]} missing: ${missing[*]}"
    command -v apt-get >/dev/null 2>&1 ||
      die "apt-get not found: install these Debian 12 packages by hand: ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 ||
        die "not root and no sudo: as root, run: apt-get install --no-install-recommends ${missing[*]}"
      # No password prompt without a terminal (CI): fail instead of hanging.
      if [ -t 0 ]; then sudo=(sudo); else sudo=(sudo -n); fi
    fi
    apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get
         -o Acquire::Retries=3 -o Dpkg::Use-Pty=0)
    "${apt[@]}" -q update ||
      die "apt-get update failed"
    "${apt[@]}" -q -y install --no-install-recommends "${missing[@]}" ||
      die "apt-get install failed"
    say "packages: installed ${#missing[@]} ($((SECONDS - start)) s)"
  fi
  if [ "$packages_only" = 1 ]; then
    say "build: skipped (packages only)"
    exit 0
  fi

  # --- configure (once) -----------------------------------------------------
  start=$SECONDS
  build="$repo/build"
  cache="$build/CMakeCache.txt"
  if [ -f "$cache" ] && { [ -f "$build/Makefile" ] || [ -f "$build/build.ninja" ]; } &&
     grep -q '^CMAKE_BUILD_TYPE:[A-Z]*=Release$' "$cache"; then
    say "configure: already done (build/)"
  else
    (cd "$repo" && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release) ||
      die "configure failed ($((SECONDS - start)) s); see the messages above"
    say "configure: $((SECONDS - start)) s"
  fi

  # --- build (incremental) --------------------------------------------------
  start=$SECONDS
  jobs="$(nproc 2>/dev/null || echo 2)"
  (cd "$repo" && cmake --build build -j"$jobs") ||
    die "build failed ($((SECONDS - start)) s); see the messages above"
  say "build: $((SECONDS - start)) s"
)

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  # Sourced: options from the environment only; errexit off around the call
  # so that a failure returns its status instead of skipping the clean-up.
  _fasciafe_setup_env
  case $- in
    *e*) _fasciafe_setup_errexit=1; set +e ;;
    *) _fasciafe_setup_errexit=0 ;;
  esac
  _fasciafe_setup_run "${FASCIAFE_SETUP_PACKAGES_ONLY:-0}"
  _fasciafe_setup_status=$?
  if [ "$_fasciafe_setup_errexit" = 1 ]; then set -e; fi
  unset -f _fasciafe_setup_env _fasciafe_setup_run
  unset _fasciafe_setup_packages _fasciafe_setup_errexit
  # The status is expanded before the unset runs.
  eval "unset _fasciafe_setup_status; return $_fasciafe_setup_status"
else
  packages_only="${FASCIAFE_SETUP_PACKAGES_ONLY:-0}"
  for argument in "$@"; do
    case "$argument" in
      --packages-only) packages_only=1 ;;
      -h | --help)
        sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
        exit 0
        ;;
      *)
        echo "setup.sh: error: unknown argument '$argument' (see --help)" >&2
        exit 2
        ;;
    esac
  done
  _fasciafe_setup_env
  _fasciafe_setup_run "$packages_only"
  exit $?
fi
