#!/usr/bin/env bash
# Rebuilds generator/Render/Assets/nastaliq.woff2, the Urdu pages' Nastaliq face, from the OFL-licensed
# @fontsource/noto-nastaliq-urdu package, subset to the characters in nastaliq.chars.txt. Run it after
# adding a character there (a test lists Urdu text whose characters the subset lacks).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v npm >/dev/null 2>&1 || { echo "FATAL: npm is needed to fetch the font and subset-font" >&2; exit 1; }
npm install --prefix "$work" --no-audit --no-fund --silent subset-font@2.9.0 @fontsource/noto-nastaliq-urdu@5.3.0 >/dev/null
cp "$here/subset.mjs" "$work/"
node "$work/subset.mjs" "$work/node_modules/@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff2" \
  "$here/nastaliq.chars.txt" "$here/../Render/Assets/nastaliq.woff2"
cp "$work/node_modules/@fontsource/noto-nastaliq-urdu/LICENSE" "$here/LICENSE-Noto-Nastaliq-Urdu.txt"
