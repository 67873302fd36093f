#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (swiftc -sanitize=fuzzer, with AddressSanitizer)
# of every reader of users' files: FUZZ_TARGETS (default all), FUZZ_SECONDS each
# (default 60). The seed corpus is built from plans/, the test fixtures, exports of
# the AWS plan and Tests/Fuzz/seeds; a crash is saved under Tests/Fuzz/crashes/ as a
# regression fixture (`make fuzz-replay` runs them all).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-plan tracker mspdi progress baseline}
BUILD=.build/fuzz
CORPUS=.build/fuzz-corpus
# gold cannot link the instrumented objects with debug information; lld can.
swift build -c release --product slipway-fuzz --build-path "$BUILD" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld 2>&1 | grep -v "Cannot export local symbol" || true
FUZZER="$BUILD/release/slipway-fuzz"
[ -x "$FUZZER" ] || { echo "fuzz: the fuzzer did not build" >&2; exit 1; }

seed() {
  local target=$1 dir="$CORPUS/$1"
  mkdir -p "$dir"
  cp Tests/Fuzz/seeds/"$target"/* "$dir"/ 2>/dev/null || true
  case $target in
    plan) cp plans/*.yaml Tests/*/Fixtures/*.yaml "$dir"/ 2>/dev/null || true ;;
    tracker) cp Tests/SlipwayInterchangeTests/Fixtures/*.md "$dir"/ ;;
    mspdi)
      if [ -x .build/release/slipway ]; then
        .build/release/slipway export plans/aws-migration.yaml --format mspdi -o "$dir/aws.xml" >/dev/null 2>&1 || true
      fi ;;
    baseline)
      if [ -x .build/release/slipway ]; then
        tmp=$(mktemp -d); cp plans/aws-migration.yaml "$tmp/p.yaml"
        .build/release/slipway baseline save "$tmp/p.yaml" >/dev/null 2>&1 && cp "$tmp"/*.baseline.json "$dir"/ || true
        rm -rf "$tmp"
      fi ;;
  esac
}

mkdir -p Tests/Fuzz/crashes
# Leaks inside Foundation, Graphviz and their kind are not ours (Tests/Sanitizers/lsan.supp).
export LSAN_OPTIONS=suppressions=$PWD/Tests/Sanitizers/lsan.supp:print_suppressions=0
status=0
for target in $TARGETS; do
  seed "$target"
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  log="$BUILD/fuzz-$target.log"
  if ! FUZZ_TARGET=$target "$FUZZER" -max_total_time="$SECONDS_EACH" -rss_limit_mb=4096 -timeout=20 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="Tests/Fuzz/crashes/$target-" "$CORPUS/$target" >"$log" 2>&1; then
    echo "fuzz: $target found a problem; the input is in Tests/Fuzz/crashes/ (log: $log)" >&2
    status=1
  fi
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|cov:" "$log" | tail -3
done
exit $status
