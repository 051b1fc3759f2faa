#!/usr/bin/env bash
# Installs what the tests need (GLPK, glpsol, libxlsxwriter), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! [ -f /usr/include/glpk.h ] || ! [ -f /usr/include/xlsxwriter.h ] || ! command -v glpsol >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev glpk-utils libxlsxwriter-dev >/dev/null
fi
swift build --build-tests
# The HTML report must render with every chart in a real browser.
./scripts/check-report.sh
swift test --skip-build --disable-swift-testing
