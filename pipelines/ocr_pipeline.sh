#!/usr/bin/env bash
# OCR camera analytics with the ovkit GStreamer plugin: PP-OCRv4 text detection (ovdetect,
# dbnet) -> PP-OCRv4 recognition (ovclassify, ctc, ppocr_keys_v1.txt) -> ovwatermark ->
# ovmetaconvert -> ovmetapublish (JSON lines), then prints the recognized text.
#
#   ocr_pipeline.sh                   videotestsrc + textoverlay rendering OCR_TEXT
#   ocr_pipeline.sh FILE              a video or image file (filesrc ! decodebin)
#   ocr_pipeline.sh /dev/video0       a camera (v4l2src device=/dev/video0)
#
# Environment:
#   OCR_TEXT      text rendered on the test video (default "Gate B12 Departures 14:35")
#   OCR_FRAMES    frames to process (default 3)
#   OVKIT_CACHE   model cache (default ~/.cache/ovkit)
#   OVKIT_DEVICE  ovkit device (default CPU)
#   OCR_OUT       JSON lines output (default build/ocr_pipeline.jsonl)
#   OCR_SINK      where the watermarked video goes (default fakesink; autovideosink to watch)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="${OVKIT_CACHE:-$HOME/.cache/ovkit}/models"
procs="$root/pipelines/model_proc"
frames="${OCR_FRAMES:-3}"
out="${OCR_OUT:-$root/build/ocr_pipeline.jsonl}"
device="${OVKIT_DEVICE:-CPU}"

die() { echo "ocr_pipeline: error: $*" >&2; exit 1; }
for f in ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt; do
    [ -f "$models/$f" ] || die "$models/$f is missing: run scripts/fetch_models.sh"
done
if ! gst-inspect-1.0 ovkit >/dev/null 2>&1; then
    export GST_PLUGIN_PATH="$root/build/lib/gstreamer-1.0${GST_PLUGIN_PATH:+:$GST_PLUGIN_PATH}"
    gst-inspect-1.0 ovkit >/dev/null 2>&1 || die "plugin ovkit not found: build with -DOVKIT_GST=ON (cmake --build build)"
fi
command -v gst-launch-1.0 >/dev/null || die "gst-launch-1.0 missing: apt-get install gstreamer1.0-tools"

if [ $# -eq 0 ]; then
    text="${OCR_TEXT:-Gate B12 Departures 14:35}"
    source=(videotestsrc num-buffers="$frames" pattern=white ! video/x-raw,width=640,height=480,framerate=5/1
            ! textoverlay text="$text" font-desc="Sans Bold 28" valignment=center color=0xff101010
              shaded-background=false draw-shadow=false draw-outline=false)
elif [[ "$1" == /dev/video* ]]; then
    source=(v4l2src device="$1" num-buffers="$frames")
else
    [ -f "$1" ] || die "$1 does not exist"
    source=(filesrc location="$1" ! decodebin ! imagefreeze num-buffers="$frames")
    # imagefreeze turns a still image into frames; for a video, drop it:
    case "$1" in *.png|*.jpg|*.jpeg|*.bmp) ;; *) source=(filesrc location="$1" ! decodebin) ;; esac
fi

mkdir -p "$(dirname "$out")"
gst-launch-1.0 -q "${source[@]}" ! videoconvert ! video/x-raw,format=BGRx \
    ! ovdetect model="$models/ch_PP-OCRv4_det_infer.onnx" model-proc="$procs/ppocr_det.json" device="$device" \
    ! ovclassify model="$models/ch_PP-OCRv4_rec_infer.onnx" model-proc="$procs/ppocr_rec.json" \
        labels-file="$models/ppocr_keys_v1.txt" device="$device" \
    ! ovwatermark ! ovmetaconvert ! ovmetapublish file-path="$out" file-format=json-lines \
    ! ovfpscounter interval=10 ! videoconvert ! "${OCR_SINK:-fakesink}" sync=false

echo "JSON: $out"
echo "recognized text (frame: lines):"
n=0
while IFS= read -r line; do
    n=$((n + 1))
    labels=$(grep -o '"text":{"label":"[^"]*"' <<<"$line" | sed 's/.*"label":"\(.*\)"/\1/' | paste -sd'|' -)
    echo "  $n: $labels"
done <"$out"
