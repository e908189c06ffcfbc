#!/usr/bin/env bash
# Renders cxm's HTML report in headless Chromium and writes a PNG of it.
#
#   cxm-examples/scripts/screenshot-report.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Without REPORT.html it makes one: `cxm demo --customers 5000 --html` with the jar of cxm-examples/target (run
# `mvn -q -DskipTests package` first). Needs Debian's chromium package (apt-get install -y chromium); the page
# loads nothing from the network, and Chromium is started with everything that would call out turned off.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
html="${1:-}"
out="${2:-$root/docs/images/report.png}"
size="${3:-1400x2600}"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
    echo "screenshot-report.sh: chromium is not installed (Debian: apt-get install -y chromium)" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$html" ]; then
    jar="$root/cxm-examples/target/cxm.jar"
    if [ ! -f "$jar" ]; then
        echo "screenshot-report.sh: $jar is missing; run mvn -q -DskipTests package first" >&2
        exit 1
    fi
    html="$work/report.html"
    java -jar "$jar" demo --customers 5000 --html "$html" > /dev/null
fi

mkdir -p "$(dirname "$out")"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --virtual-time-budget=5000 \
    --window-size="${size/x/,}" --screenshot="$out" "file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")" \
    2> "$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
echo "wrote $out"
