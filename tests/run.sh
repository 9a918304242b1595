#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (Debian's Chromium for the browser tests,
# a Java runtime and the Nu HTML Checker for HTML validation) and fails loudly if anything is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
fc-list 2>/dev/null | grep -qi dejavu || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "tests/run.sh: installing ${need_apt[*]} with apt-get"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
[ -x /usr/bin/chromium ] || { echo "FATAL: /usr/bin/chromium is missing; the browser tests cannot run" >&2; exit 1; }
command -v java >/dev/null 2>&1 || { echo "FATAL: java is missing; HTML validation cannot run" >&2; exit 1; }

VNU_DIR=tests/.tools
if [ ! -f "$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  command -v npm >/dev/null 2>&1 || { echo "FATAL: npm is missing; it is needed to install the Nu HTML Checker (vnu-jar). Install Node.js and npm." >&2; exit 1; }
  echo "tests/run.sh: installing vnu-jar (Nu HTML Checker) with npm"
  mkdir -p "$VNU_DIR"
  npm install --prefix "$VNU_DIR" --no-audit --no-fund --silent vnu-jar@26.9.27 >/dev/null
fi
export KB_VNU_JAR="$PWD/$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
[ -f "$KB_VNU_JAR" ] || { echo "FATAL: vnu.jar not found at $KB_VNU_JAR" >&2; exit 1; }
export KB_CHROMIUM=/usr/bin/chromium

results=$(mktemp -d)
status=0
dotnet test KnowledgeBase.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

# The deploy path (netlify.toml): publish kb precompiled (ReadyToRun), then build the real site with it.
deploy=$(mktemp -d)
if dotnet publish generator -c Release -o "$deploy/kb" >"$deploy/publish.log" 2>&1 \
   && dotnet "$deploy/kb/kb.dll" build --content content --output "$deploy/_site" >"$deploy/build.log" 2>&1 \
   && [ -f "$deploy/_site/index.html" ]; then
  echo "deploy path: published kb built the site ($(find "$deploy/_site" -name '*.html' | wc -l) pages)"
  # Lighthouse, with the same published kb serving the real content.
  bash tests/lighthouse.sh "$deploy/kb/kb.dll" || status=1
else
  echo "FAIL: the deploy path (dotnet publish, then kb.dll build) failed:" >&2
  tail -n 20 "$deploy/publish.log" "$deploy/build.log" >&2 || true
  status=1
fi
rm -rf "$deploy"

# One plain closing line for CI, counted from the test results.
passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*'); q=$(grep -o 'failed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*')
  passed=$((passed + ${p:-0})); failed=$((failed + ${q:-0}))
done
echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ]; then echo "FATAL: no test ran" >&2; exit 1; fi
exit $status
