#!/usr/bin/env bash
# Rewrite constraints.txt: the exact versions of everything `pip install '.[test]'` brings, from a
# fresh environment. The package's own dependencies stay ranges (pyproject.toml); CI and the
# README's test command install with `-c constraints.txt`, and .ci/run checks that what it
# installed is exactly this set. Run after changing a dependency, then run .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q --disable-pip-version-check '.[test]'
{
    echo "# The versions CI and the README's test command install (tools/pin_versions.sh writes this)."
    "$scratch/venv/bin/pip" freeze --disable-pip-version-check --exclude baldreader | LC_ALL=C sort -f
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages pinned"
