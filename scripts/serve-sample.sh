#!/usr/bin/env bash
# Installs GLPK, zlib and SQLite when missing, builds cadreplan and serves the web workspace on
# http://127.0.0.1:8080/ (a new workspace starts with the sample province). Extra arguments go to
# `cadreplan serve` (e.g. --port 8081, or --host 0.0.0.0 --users users.json to share it on the school's network).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=()
[ -f /usr/include/glpk.h ] || packages+=(libglpk-dev)
[ -f /usr/include/zlib.h ] || packages+=(zlib1g-dev)
[ -f /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
if [ ${#packages[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
swift build -c release --product cadreplan
exec .build/release/cadreplan serve --workspace "${WORKSPACE:-workspace}" "$@"
