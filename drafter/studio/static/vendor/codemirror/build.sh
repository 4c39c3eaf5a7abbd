#!/usr/bin/env bash
# Rebuild codemirror.js (CodeMirror 6 with YAML, completion, lint and hover) as one ES module.
# Node and npm are needed only here, never to install or run drafter. Run it from any folder:
#   drafter/studio/static/vendor/codemirror/build.sh
# It works in a scratch folder outside the repository and copies back the bundle and LICENSES.txt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
scratch="${SCRATCH:-$(mktemp -d)}"
cd "$scratch"
[ -f package.json ] || npm init -y >/dev/null
npm install --no-audit --no-fund esbuild@0.24.0 codemirror@6.0.2 @codemirror/lang-yaml@6.1.3 \
  @codemirror/state @codemirror/view @codemirror/language @codemirror/autocomplete @codemirror/lint >/dev/null
cp "$here/entry.js" entry.js
npx esbuild entry.js --bundle --format=esm --minify --legal-comments=none --outfile="$here/codemirror.js"
{
  echo "Third-party code bundled in codemirror.js (built by build.sh in this folder). Each package's licence follows."
  echo
  for d in node_modules/codemirror node_modules/@codemirror/* node_modules/@lezer/* node_modules/@marijn/* \
           node_modules/crelt node_modules/style-mod node_modules/w3c-keyname; do
    name=$(node -p "require('./$d/package.json').name"); ver=$(node -p "require('./$d/package.json').version")
    lic=$(node -p "require('./$d/package.json').license")
    echo "================================================================"; echo "$name $ver ($lic)"
    echo "================================================================"
    f=$(ls "$d" | grep -i -E '^licen[cs]e' | head -1 || true)
    if [ -n "$f" ]; then cat "$d/$f"; else echo "(no licence file in the package; package.json says $lic)"; fi
    echo
  done
} > "$here/LICENSES.txt"
echo "built $here/codemirror.js in $scratch"
