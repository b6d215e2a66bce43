#!/usr/bin/env bash
# The demo that README's first command runs: the runtime alone (ovkit infer on PP-OCRv4
# detection, text-map summary), then the GStreamer OCR pipeline reading text off video.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "== 1/2: ovkit infer, PP-OCRv4 text detection on a rendered image"
bash pipelines/ocr_demo.sh
echo
echo "== 2/2: GStreamer: videotestsrc + textoverlay -> ovdetect -> ovclassify -> ovwatermark -> JSON"
bash pipelines/ocr_pipeline.sh
