#!/usr/bin/env bash
# The unit, API, CLI, fuzz-regression and ONNX conformance suites under AddressSanitizer +
# UndefinedBehaviorSanitizer (-fno-sanitize-recover=all), in build-asan/. Any report aborts the
# process: a gtest binary or a conformance case (each runs in a forked child) then fails, and the
# conformance runner fails a crashed case even when it is listed as an expected failure.
# Not run here: tests/real_models (needs the downloaded models; ~10x slower under ASan than the
# whole rest of this suite). Prints a summary; exits non-zero on any failure.
# usage: scripts/test_sanitized.sh            (OVKIT_JOBS=N for the build, default 2)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
build=build-asan
jobs=${OVKIT_JOBS:-2}
start=$(date +%s)
log() { echo "[sanitized] $*"; }

mkdir -p $build
# Debug (-O0 -g): with the sanitizers, gcc compiles the kernel templates ~10x slower at -O2
# (90 s against 9.6 s for one kernel file), which would not fit CI's budget.
if [ ! -f $build/build.ninja ] || ! grep -q '^CMAKE_BUILD_TYPE:STRING=Debug$' $build/CMakeCache.txt; then
    log "configure ($build: Debug, -fsanitize=address,undefined)"
    cmake -S . -B $build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOVKIT_SANITIZE=address,undefined -DOVKIT_GST=OFF \
        >$build/configure.log 2>&1 || { cat $build/configure.log; exit 1; }
fi
targets=(api_test c_api_test ovkit_unit_tests ovkit_cli onnx_conformance fuzz_replay_onnx fuzz_replay_ir fuzz_replay_npy)
log "build ${targets[*]}"
cmake --build $build -j"$jobs" --target "${targets[@]}" >$build/build.log 2>&1 ||
    { tail -n 40 $build/build.log; log "build failed (log: $build/build.log)"; exit 1; }

# abort_on_error: a report ends in SIGABRT, which the conformance runner and ctest both see.
export ASAN_OPTIONS=abort_on_error=1:halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=abort_on_error=1:halt_on_error=1:print_stacktrace=1
log "ctest (all but real_models and onnx_conformance; onnx_conformance_cpu runs here)"
ctest --test-dir $build -E '^(real_models|onnx_conformance)$' --output-on-failure -j"$jobs" >$build/ctest.log 2>&1
ctest_rc=$?
log "onnx_conformance"
$build/bin/onnx_conformance --expected-failures tests/conformance/expected_failures.txt >$build/conformance.log 2>&1
conformance_rc=$?
conformance_line=$(grep -E '^ONNX node conformance' $build/conformance.log | tail -1)
crashed=$(grep -cE '^FAIL .*CRASHED' $build/conformance.log)
reports=$(cat $build/ctest.log $build/conformance.log | grep -cE 'ERROR: (Address|Leak)Sanitizer|runtime error:')
summary=$(grep -E 'tests passed|tests failed' $build/ctest.log | tail -1)

echo "== sanitized suite (address,undefined) =="
echo "ctest:       ${summary:-no summary (see $build/ctest.log)}"
echo "conformance: ${conformance_line:-not run}"
echo "sanitizer reports: $reports, crashed conformance cases: $crashed"
echo "time: $(( $(date +%s) - start )) s (logs: $build/ctest.log, $build/conformance.log)"
if [ $ctest_rc -ne 0 ] || [ $conformance_rc -ne 0 ] || [ "$reports" -ne 0 ] || [ "$crashed" -ne 0 ]; then
    grep -E '\(Failed|Subprocess|Timeout\)' $build/ctest.log | head -n 20
    grep -E '^FAIL .*(CRASHED|timed out)|^FAIL [^(]*: ' $build/conformance.log | grep -v '(expected)' | head -n 20
    exit 1
fi
