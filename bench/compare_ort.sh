#!/usr/bin/env bash
# ovkit (device CPU) vs ONNX Runtime 1.30 (onnxruntime-node) on the real models, same inputs,
# same run, 2 threads, latency hint, f32:
#
#   bench/compare_ort.sh [BUILD_DIR] [NITER]        (defaults: build, 100)
#
# Cases: PP-OCRv4 det 1x3x640x640, rec 1x3x48x320, mobile v2 cls 1x3x48x192, silero VAD v5
# per 512-sample frame with state [2,1,128] and sr 16000. Inputs come from
# tests/real_models/make_inputs.py. Prints per case the median latencies, ovkit/ORT ratio
# and peak RSS of both processes (/usr/bin/time -v), then the one-Add [1,128] overhead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build}
niter=${2:-100}
threads=2
cache=${OVKIT_CACHE:-$HOME/.cache/ovkit}
models=$cache/models
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ovkit=$build/bin/ovkit

/usr/bin/python3 tests/real_models/make_inputs.py prepare "$work" >/dev/null
/usr/bin/python3 - "$work" <<'PY'
import sys, numpy as np, onnx
from onnx import helper, TensorProto
d = sys.argv[1]
frames = np.load(f"{d}/vad_frames.npy")
np.save(f"{d}/vad_input.npy", frames[0].reshape(1, 512).astype(np.float32))
np.save(f"{d}/vad_state.npy", np.zeros((2, 1, 128), np.float32))
np.save(f"{d}/vad_sr.npy", np.array(16000, np.int64))
a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [1, 128])
b = helper.make_tensor_value_info("b", TensorProto.FLOAT, [1, 128])
y = helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 128])
g = helper.make_graph([helper.make_node("Add", ["a", "b"], ["y"])], "add", [a, b], [y])
onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), f"{d}/add.onnx")
PY

rss_kb() { grep 'Maximum resident set size' "$1" | awk '{print $NF}'; }

printf '%-5s %12s %12s %7s %12s %12s %9s\n' case ovkit_ms ort_ms ratio ovkit_MiB ort_MiB compile_ms
run_case() {
    local name=$1 model=$2
    shift 2
    local ovk_inputs=() ort_inputs=()
    for kv in "$@"; do ovk_inputs+=(-i "$kv"); ort_inputs+=("$kv"); done
    /usr/bin/time -v "$ovkit" benchmark -m "$model" -d CPU -hint latency -nthreads $threads -niter "$niter" \
        "${ovk_inputs[@]}" --report-json "$work/$name.json" >/dev/null 2>"$work/$name.ovk.time"
    /usr/bin/time -v node bench/ort_bench.js "$model" "$niter" $threads "${ort_inputs[@]}" \
        >"$work/$name.ort.json" 2>"$work/$name.ort.time"
    /usr/bin/python3 - "$name" "$work" "$(rss_kb "$work/$name.ovk.time")" "$(rss_kb "$work/$name.ort.time")" <<'PY'
import json, sys
name, d, ovk_rss, ort_rss = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
o = json.load(open(f"{d}/{name}.json"))
r = json.load(open(f"{d}/{name}.ort.json"))
om, rm = o["latency_ms"]["median"], r["median_ms"]
print(f"{name:5s} {om:12.3f} {rm:12.3f} {om / rm:7.2f} {ovk_rss / 1024:12.1f} {ort_rss / 1024:12.1f} {o['compile_ms']:9.1f}")
PY
}
run_case det "$models/ch_PP-OCRv4_det_infer.onnx" x="$work/det_x.npy"
run_case rec "$models/ch_PP-OCRv4_rec_infer.onnx" x="$work/rec_x.npy"
run_case cls "$models/ch_ppocr_mobile_v2.0_cls_infer.onnx" x="$work/cls_x.npy"
run_case vad "$models/silero_vad_v5.onnx" input="$work/vad_input.npy" state="$work/vad_state.npy" sr="$work/vad_sr.npy"

"$ovkit" benchmark -m "$work/add.onnx" -d CPU -hint latency -nthreads $threads -t 3 --report-json "$work/add.json" >/dev/null
/usr/bin/python3 -c "import json,sys; print('one-Add [1,128] overhead: median %.2f us' % (json.load(open(sys.argv[1]))['latency_ms']['median'] * 1000))" "$work/add.json"
