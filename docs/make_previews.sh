#!/usr/bin/env bash
# Regenerate the README's page images: page 1 of every example outline in outlines/, drawn by
# drafter itself (drafter render --png, through LibreOffice and pdftoppm) at 72 dpi, saved as
# docs/img/<outline name>.png. Needs what `drafter doctor` checks.
#   bash docs/make_previews.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/img
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
for outline in outlines/*.yaml; do
  name=$(basename "$outline" .yaml)
  python3 -m drafter render "$outline" -o "$work/$name.docx" --png --pages 1 --dpi 72
  mv "$work/$name-1.png" "$out/$name.png"
  echo "Wrote $out/$name.png"
done
