#!/usr/bin/env bash
# Builds Lantern and the whole test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer (LANTERN_SANITIZE=ON) in build-asan/ and runs
# every test. Any sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLANTERN_SANITIZE=ON > /dev/null
ninja -C "$build" -j"${JOBS:-2}"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" --output-on-failure --timeout 600 -j "$(nproc)"
