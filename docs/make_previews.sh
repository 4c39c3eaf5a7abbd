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
# The 公文 examples' last pages (the 版记 at the foot of an even page) and the notice with the
# red-header department pack.
python3 -m drafter render outlines/notice.yaml -o "$work/notice-pack.docx" -d departments/planning-bureau-gongwen \
  --png --pages 1 --dpi 72
mv "$work/notice-pack-1.png" "$out/notice-red-header.png"
echo "Wrote $out/notice-red-header.png"
for name in notice request meeting-minutes; do
  python3 -m drafter render "outlines/$name.yaml" -o "$work/$name-all.docx" --pdf
  last=$(pdfinfo "$work/$name-all.pdf" | awk '/^Pages:/ {print $2}')
  pdftoppm -r 72 -png -f "$last" -l "$last" -singlefile "$work/$name-all.pdf" "$out/$name-record"
  echo "Wrote $out/$name-record.png"
done
