#!/usr/bin/env bash
# Search side by side with Pagefind on the same built site, in one run (issue #14's benchmark).
# Builds the site from content/, indexes a copy with npm's pagefind, serves both, and drives Debian's
# Chromium over a fixed query set (natural queries, record titles, and one-typo variants of them),
# a fresh browser context per query. Prints bytes until the first results (each response gzipped),
# latency to five results shown, and found@5, for both and as ratios. Not run by CI.
# Usage: bash search/bench/run.sh [--titles N]
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=tests/.tools
[ -x /usr/bin/chromium ] || { echo "FATAL: /usr/bin/chromium is missing" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "FATAL: npm is missing" >&2; exit 1; }
if [ ! -d "$TOOLS/node_modules/puppeteer-core" ] || [ ! -x "$TOOLS/node_modules/.bin/pagefind" ]; then
  echo "search/bench/run.sh: installing pagefind and puppeteer-core with npm"
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --silent pagefind@1.6.0 puppeteer-core >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project generator -c Release -- build --content content --output "$work/kb" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log" >&2; exit 1; }
# Pagefind indexes its own copy; its page is our search page with Pagefind's script in place of ours.
cp -r "$work/kb" "$work/pf"
"$TOOLS/node_modules/.bin/pagefind" --site "$work/pf" --output-subdir pagefind >"$work/pagefind.log" 2>&1 \
  || { cat "$work/pagefind.log" >&2; exit 1; }
NODE_PATH="$PWD/$TOOLS/node_modules" node search/bench/bench.mjs "$work/kb" "$work/pf" "$@"
