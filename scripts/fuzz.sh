#!/usr/bin/env bash
# Fuzzes the readers the web workspace runs on uploads (see Tests/Fuzz): builds the libFuzzer target in its own
# package and scratch folder, so the root package's builds never carry the sanitizer, then runs it for SECONDS
# (default 60) from the seed corpus in Tests/Fuzz/corpus. A crash, a violated property (fatalError), an input
# taking over a second or memory beyond 2 GB fails the script and leaves the input in .build-fuzz/findings/.
# Inputs stay under 8 KB: small files reach the same code, many times faster. The inputs found along the way go to .build-fuzz/corpus, never into the repository's seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch="$PWD/.build-fuzz"
# -enable-testing: the target reaches ScenarioYAML.parse, internal to CadreIO.
(cd Tests/Fuzz && swift build -c release --scratch-path "$scratch" --product ReaderFuzzer \
    -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing)
mkdir -p "$scratch/corpus" "$scratch/findings"
# Swift's own backtracer would catch the crash first and libFuzzer would keep no input.
SWIFT_BACKTRACE=enable=no "$scratch/release/ReaderFuzzer" "$scratch/corpus" Tests/Fuzz/corpus \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
    -artifact_prefix="$scratch/findings/" "${@:2}"
