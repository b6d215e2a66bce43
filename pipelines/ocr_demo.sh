#!/usr/bin/env bash
# OCR camera analytics demo, first stage: PP-OCRv4 text detection with `ovkit infer` on an
# image with rendered text (or your own: ocr_demo.sh IMAGE), then a summary of the text map.
#
# Needs build/bin/ovkit and the models (scripts/setup.sh does both). Environment:
#   OVKIT_CACHE   model cache (default ~/.cache/ovkit)
#   OVKIT_DEVICE  device for ovkit infer (default CPU)
#   OVKIT_DEMO_DIR  where the image, input and outputs go (default build/ocr_demo)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${OVKIT_CACHE:-$HOME/.cache/ovkit}"
model="$cache/models/ch_PP-OCRv4_det_infer.onnx"
ovkit="$root/build/bin/ovkit"
work="${OVKIT_DEMO_DIR:-$root/build/ocr_demo}"
python=/usr/bin/python3

die() { echo "ocr_demo: error: $*" >&2; exit 1; }
[ -x "$ovkit" ] || die "$ovkit is not built: run scripts/setup.sh (or cmake --build build)"
[ -f "$model" ] || die "$model is missing: run scripts/fetch_models.sh"

mkdir -p "$work"
if [ $# -ge 1 ]; then
    "$python" "$root/pipelines/ocr_det_input.py" "$work/x.npy" --image "$1"
else
    "$python" "$root/pipelines/ocr_det_input.py" "$work/x.npy" --save-image "$work/image.png"
    echo "image: $work/image.png"
fi

# The det model's input is named "x"; its output 0 is the text probability map.
start=$(date +%s%N)
"$ovkit" infer -m "$model" -d "${OVKIT_DEVICE:-CPU}" -i x="$work/x.npy" --output-dir "$work/out"
echo "ovkit infer: $((($(date +%s%N) - start) / 1000000)) ms (including model load and compile)"
"$python" "$root/pipelines/textmap_summary.py" "$work/out/0.npy"
