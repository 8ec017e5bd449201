#!/usr/bin/env bash
# Renders a run directory's report.html in headless Chromium and saves a screenshot, to check the report
# the way a person sees it (layout, MathML, plots). Not part of ./mvnw verify: it needs a browser.
#
#   scripts/screenshot-report.sh <run-dir> <out.png> [width] [height]
#
# Write the report first (./evosld report --run <run-dir>). Needs Chromium: /usr/bin/chromium, or set
# CHROMIUM to another binary (Debian: apt-get install -y chromium). The default window is 1280x4000.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 4 ]; then
  echo "usage: $0 <run-dir> <out.png> [width] [height]" >&2
  exit 2
fi
run_dir="$1"
out="$2"
width="${3:-1280}"
height="${4:-4000}"
report="$(cd "$run_dir" && pwd)/report.html"
[ -f "$report" ] || { echo "$0: no report at $report (run: ./evosld report --run $run_dir)" >&2; exit 1; }

browser="${CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] || { echo "$0: no Chromium at $browser (apt-get install -y chromium, or set CHROMIUM)" >&2; exit 1; }

case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# --no-sandbox: Chromium's sandbox needs user namespaces, which containers and CI runners often lack;
# the page is a local file we wrote ourselves. The other flags keep it from reaching the network.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$out" --window-size="$width,$height" "file://$report" >/dev/null 2>&1 || {
    echo "$0: chromium failed" >&2
    exit 1
  }
[ -s "$out" ] || { echo "$0: chromium wrote no screenshot" >&2; exit 1; }
echo "$out"
