#!/usr/bin/env bash
# Checks that every C++ source of FasciaFE is formatted with the repository's
# .clang-format (ctest format.AllSourcesAreClangFormatted, label "format").
# The files are found when the test runs, so new files are covered without
# re-running cmake.
#
#   check_format.sh [SOURCE_DIR] [CLANG_FORMAT]
#
# SOURCE_DIR defaults to the repository root, CLANG_FORMAT to clang-format
# (or clang-format-14) on PATH. To fix the files it names:
#   clang-format -i FILE...
set -euo pipefail

root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
clang_format="${2:-}"
if [ -z "$clang_format" ]; then
  clang_format="$(command -v clang-format || command -v clang-format-14 || true)"
fi
if [ -z "$clang_format" ] || ! command -v "$clang_format" >/dev/null 2>&1; then
  echo "check_format: error: clang-format not found (Debian: apt-get install clang-format)" >&2
  exit 2
fi
if [ ! -f "$root/.clang-format" ]; then
  echo "check_format: error: $root/.clang-format is missing" >&2
  exit 2
fi
cd "$root"
echo "check_format: $("$clang_format" --version | head -n 1)"

folders=()
for folder in solver models meshes tests benchmarks; do
  [ -d "$folder" ] && folders+=("$folder")
done
files=()
if [ "${#folders[@]}" -gt 0 ]; then
  while IFS= read -r -d '' file; do
    files+=("$file")
  done < <(find "${folders[@]}" -type f \( -name '*.h' -o -name '*.cc' -o -name '*.h.in' \) -print0 | sort -z)
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
bad=()
for file in "${files[@]}"; do
  if ! "$clang_format" --dry-run --Werror --ferror-limit=3 "$file" >"$log" 2>&1; then
    bad+=("$file")
    head -n 30 "$log"
  fi
done

if [ "${#bad[@]}" -gt 0 ]; then
  echo
  echo "check_format: ${#bad[@]} of ${#files[@]} files are not clang-formatted:"
  printf '  %s\n' "${bad[@]}"
  echo "Fix them from the repository root with:"
  echo "  clang-format -i ${bad[*]}"
  exit 1
fi
echo "check_format: all ${#files[@]} files are clang-formatted"
