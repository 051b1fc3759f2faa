#!/usr/bin/env bash
# Renders the report of the small scenario in headless Chromium and fails when a chart is missing:
# the rendered page must hold one <svg class="chart"> per target plus the budget chart.
# Usage: scripts/check-report.sh [SCREENSHOT.png]   (default: a temporary file)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
scratch="${CHECK_REPORT_SCRATCH:-.build}"
swift build --scratch-path "$scratch" --product cadreplan
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
screenshot="${1:-$work/report.png}"

# Exit 2 (time limit before the gap) still writes every output; anything else is a failure.
status=0
"$scratch/debug/cadreplan" plan Scenarios/small/small.yaml --out "$work/small" --time-limit 10 --quiet || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    echo "check-report: cadreplan plan exited $status" >&2
    exit 1
fi

report="$work/small/report.html"
chrome=(chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile")
"${chrome[@]}" --dump-dom "file://$report" >"$work/dom.html" 2>"$work/chromium.log"
"${chrome[@]}" --window-size=1280,1500 --screenshot="$screenshot" "file://$report" 2>>"$work/chromium.log"

targets=$(tail -n +2 "$work/small/attainment.csv" | cut -d, -f1 | sort -u | wc -l)
charts=$(grep -o '<svg class="chart"' "$work/dom.html" | wc -l)
budget=$(grep -c 'data-chart="budget"' "$work/dom.html" || true)
if [ "$charts" -ne $((targets + 1)) ] || [ "$budget" -lt 1 ] || ! [ -s "$screenshot" ]; then
    echo "check-report: $charts charts rendered for $targets targets + 1 budget chart (budget chart: $budget); screenshot: $screenshot" >&2
    exit 1
fi
echo "check-report: $charts charts rendered ($targets targets + budget), screenshot $screenshot"
