# Sourced by run.sh and compare_solvers.sh (not run on its own). Expects $here (Benchmarks/) and
# $root (the repository) to be set and the current folder to be $root.

# Installs the Debian packages given as "command:package" pairs whose command is missing.
ensure_apt() {
    local missing=() pair
    for pair in "$@"; do
        local cmd="${pair%%:*}" pkg="${pair#*:}"
        if [[ "$cmd" == /* ]]; then [ -e "$cmd" ] || missing+=("$pkg")
        else command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); fi
    done
    [ ${#missing[@]} -gt 0 ] || return 0
    echo "benchmarks: installing ${missing[*]}" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
        echo "benchmarks: could not install ${missing[*]}" >&2
        return 1
    fi
}

# Builds cadreplan in release into .build-bench (unless SKIP_BUILD=1) and sets $exe and $built_from.
build_cadreplan() {
    ensure_apt /usr/include/glpk.h:libglpk-dev /usr/include/zlib.h:zlib1g-dev
    local stamp="$root/.build-bench/bench-built-from.txt"
    if [ "${SKIP_BUILD:-0}" != 1 ]; then
        local source_state
        source_state="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
        if ! git -C "$root" diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then
            source_state+=" + uncommitted changes to Sources/Package.swift (diff sha1 $(git -C "$root" diff HEAD -- Sources Package.swift | sha1sum | cut -c1-10))"
        fi
        echo "benchmarks: building cadreplan (release, scratch .build-bench) from $source_state" >&2
        swift build -c release --product cadreplan --scratch-path .build-bench >&2
        echo "$source_state" > "$stamp"
    fi
    exe="$root/.build-bench/release/cadreplan"
    [ -x "$exe" ] || { echo "benchmarks: $exe missing (build failed?)" >&2; exit 3; }
    built_from="$(cat "$stamp" 2>/dev/null || echo 'unknown (SKIP_BUILD with no stamp)')"
}

# One line about this machine: architecture, CPU model, cores, memory, load.
machine_line() {
    local cpu
    cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/^[^:]*: *//')"
    [ -n "$cpu" ] || cpu="$(uname -p)"
    printf '`%s`, %s, %s cores, %s; load average at start %s' "$(uname -m)" "$cpu" "$(nproc)" \
        "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# Wall seconds from a /usr/bin/time -v output file ("" when absent).
time_v_wall() {
    [ -f "$1" ] || return 0
    python3 - "$1" <<'PY'
import re, sys
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\):\s*([0-9:.]+)", open(sys.argv[1]).read())
if m:
    s = 0.0
    for p in m.group(1).split(":"):
        s = s * 60 + float(p)
    print(f"{s:.2f}")
PY
}

# Prints a results section and, unless $results is "-", appends it to the results file; $1 names the script.
publish_section() {
    local script="$1" section="$2"
    echo
    echo "$section"
    if [ "$results" != "-" ]; then
        [ -f "$results" ] || printf '# CadrePlan benchmark results\n\nSee README.md in this folder for what each column means.\n' > "$results"
        printf '\n%s\n' "$section" >> "$results"
        echo "$script: appended to ${results#$root/}" >&2
    fi
}
