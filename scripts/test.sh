#!/usr/bin/env bash
# Installs what the tests need (GLPK, glpsol, zlib, SQLite, Chromium and its driver, Selenium), builds,
# checks the HTML report in headless Chromium, runs every Swift test, then the web workspace's tests in a real
# browser and over real sockets on loopback. Nothing is downloaded at test time beyond these packages.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=()
[ -f /usr/include/glpk.h ] || packages+=(libglpk-dev)
command -v glpsol >/dev/null || packages+=(glpk-utils)
[ -f /usr/include/zlib.h ] || packages+=(zlib1g-dev)
[ -f /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
if [ ${#packages[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
python3 -c "import selenium, pytest" 2>/dev/null || python3 -m pip install -q selenium pytest
swift build --build-tests
# The HTML report must render with every chart in a real browser.
./scripts/check-report.sh
./scripts/check-print.sh
swift test --skip-build --disable-swift-testing
# The workspace in Chromium through Selenium: SE_OFFLINE keeps Selenium from looking for drivers online.
SE_OFFLINE=true CADREPLAN="$PWD/.build/debug/cadreplan" python3 -m pytest -q -p no:cacheprovider Tests/Workspace
# The readers that uploads reach, fuzzed for a minute from the seed corpus (Tests/Fuzz); a crash, a broken
# property, an input over 5 s (the builds above may still load the machine) or 2 GB fails the tests.
./scripts/fuzz.sh 60 -timeout=5
