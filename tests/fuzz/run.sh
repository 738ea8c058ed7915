#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on), replays every regression case, then fuzzes
# each target for FUZZ_SECONDS (default 30) from a seed corpus: the example
# site's records and pages, the site templates and the golden inputs.
# Prints the executions run per target; exits non-zero on any crash, leak or
# sanitizer report. A crash input is left in build-fuzz/crashes/: copy it to
# tests/fuzz/regressions/<target>/ once fixed.
#
# In CI (CI=true) the run is reproducible instead: a fixed seed and a fixed
# number of executions per target (200,000 for records and front matter,
# 25,000 for Markdown, which is about 15 times slower per input; FUZZ_RUNS
# sets one number for all), so a landing never depends on what a random
# search happened to try. Exploration with
# random seeds, by time, is for developers: ./tests/fuzz/run.sh, or longer
# with FUZZ_SECONDS=600. Every crash either finds becomes a regression case.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${FUZZ_SECONDS:-30}"
reproducible=false
if [ "${CI:-}" = true ] && [ -z "${FUZZ_SECONDS:-}" ]; then reproducible=true; fi
build=build-fuzz

CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLANTERN_FUZZ=ON -DLANTERN_BUILD_TESTS=OFF > /dev/null
ninja -C "$build" -j"${JOBS:-2}" fuzz_record fuzz_front_matter fuzz_markdown fuzz_form

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$build/crashes"
total=0
for target in record front_matter markdown form; do
  binary="$build/tests/fuzz/fuzz_$target"
  regressions="tests/fuzz/regressions/$target"
  if compgen -G "$regressions/*" > /dev/null; then
    cases=("$regressions"/*)
    if ! "$binary" "${cases[@]}" > "$build/regressions_$target.log" 2>&1; then
      tail -40 "$build/regressions_$target.log"
      echo "fuzz_$target: a regression case fails again"
      exit 1
    fi
    echo "fuzz_$target: ${#cases[@]} regression cases replayed, no crashes"
  fi
  seeds=()
  case "$target" in
    record) seeds=(content/records site_templates/records tests/golden/sites/basic/input/records) ;;
    front_matter) seeds=(content/pages site_templates/pages tests/golden/sites/basic/input/pages) ;;
    markdown) seeds=(content/pages site_templates/pages) ;;
    form) seeds=(tests/fuzz/seeds/form) ;;
  esac
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  log="$build/fuzz_$target.log"
  if [ "$reproducible" = true ]; then
    runs_wanted="${FUZZ_RUNS:-200000}"
    if [ "$target" = markdown ] && [ -z "${FUZZ_RUNS:-}" ]; then runs_wanted=25000; fi
    budget=(-seed=1 -runs="$runs_wanted")
    budget_text="$runs_wanted runs from seed 1"
  else
    budget=(-max_total_time="$seconds")
    budget_text="${seconds} s"
  fi
  if ! "$binary" "${budget[@]}" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crashes/${target}-" "$corpus" "${seeds[@]}" > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz_$target: FAILED (see $log and $build/crashes/)"
    exit 1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo 0)
  total=$((total + runs))
  echo "fuzz_$target: $runs executions ($budget_text), no crashes"
done
echo "fuzzing: $total executions in total, no crashes"
