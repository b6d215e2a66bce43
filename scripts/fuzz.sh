#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, -fsanitize=fuzzer,address,undefined) in build-fuzz/ and
# runs each for SECONDS (default 60), then prints target / executions / time / crashes / leaks /
# timeouts. Findings are kept in build-fuzz/fuzz-findings/<target>/ (crash-*, leak-*, timeout-*);
# a fixed one goes to tests/fuzz/regressions/<target>/, replayed by ctest (fuzz_regressions_*).
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (targets: onnx ir npy model_proc)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(onnx ir npy model_proc)
build=build-fuzz
jobs=${OVKIT_JOBS:-2}

if [ ! -f $build/build.ninja ]; then
    cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -gline-tables-only" \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DOVKIT_FUZZ=ON >/dev/null || exit 1
fi
cmake --build $build -j"$jobs" --target fuzz_seeds $(printf 'fuzz_%s ' "${targets[@]}") >$build/fuzz-build.log 2>&1 ||
    { tail -n 30 $build/fuzz-build.log; echo "fuzz build failed (log: $build/fuzz-build.log)"; exit 1; }

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
rows=()
status=0
for t in "${targets[@]}"; do
    corpus=$build/fuzz-corpus/$t findings=$build/fuzz-findings/$t
    mkdir -p "$corpus" "$findings"
    log=$findings/fuzz.log
    # New inputs go to the work corpus; the generated seeds stay as they are. -fork keeps going
    # after a finding, so one run counts them all.
    seeds=$build/tests/fuzz/seeds/$t
    [ "$t" = model_proc ] && seeds=pipelines/model_proc
    $build/bin/fuzz_$t "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$findings/" >"$log" 2>&1
    # -fork=1 prints "#N: cov: ..." status lines, N being the executions so far.
    execs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    crashes=$(find "$findings" -name 'crash-*' | wc -l)
    leaks=$(find "$findings" -name 'leak-*' | wc -l)
    timeouts=$(find "$findings" -name 'timeout-*' | wc -l)
    ooms=$(find "$findings" -name 'oom-*' | wc -l)
    [ $((crashes + leaks + timeouts + ooms)) -eq 0 ] || status=1
    rows+=("$(printf '%-6s %12s %6ss %8s %6s %9s %5s' "$t" "${execs:-?}" "$seconds" "$crashes" "$leaks" "$timeouts" "$ooms")")
done
printf '%-6s %12s %7s %8s %6s %9s %5s\n' target executions time crashes leaks timeouts ooms
printf '%s\n' "${rows[@]}"
exit $status
