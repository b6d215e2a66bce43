#!/bin/bash
# IR v11 write -> read -> write must be byte-identical (.xml and .bin): converts each model
# to IR, converts that IR again, and compares. Models: the real models in the cache (when
# fetched) and ONNX node tests covering subgraphs, recurrent ops and many element types.
# usage: ir_roundtrip.sh OVKIT_BINARY
set -u
OVKIT=$1
CACHE=${OVKIT_CACHE:-$HOME/.cache/ovkit}/models
NODE=/usr/share/libonnx-testdata/data/node
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
models=("$CACHE"/ch_PP-OCRv4_det_infer.onnx "$CACHE"/ch_PP-OCRv4_rec_infer.onnx
        "$CACHE"/ch_ppocr_mobile_v2.0_cls_infer.onnx "$CACHE"/silero_vad_v5.onnx)
for t in test_if test_loop11 test_scan9_sum test_lstm_defaults test_gru_seq_length test_cast_FLOAT_to_FLOAT16 \
         test_resize_upsample_scales_linear test_nonmaxsuppression_two_batches test_einsum_batch_matmul; do
  models+=("$NODE/$t/model.onnx")
done
passes=0; fails=0
for m in "${models[@]}"; do
  name=$(basename "$(dirname "$m")")_$(basename "$m" .onnx)
  if [ ! -f "$m" ]; then echo "FAIL $name: $m not found (run scripts/fetch_models.sh)"; fails=$((fails+1)); continue; fi
  if "$OVKIT" convert "$m" -o "$T/$name.a.xml" >/dev/null 2>"$T/err" &&
     "$OVKIT" convert "$T/$name.a.xml" -o "$T/$name.b.xml" >/dev/null 2>>"$T/err" &&
     cmp -s "$T/$name.a.xml" "$T/$name.b.xml" && cmp -s "$T/$name.a.bin" "$T/$name.b.bin"; then
    echo "PASS $name ($(stat -c %s "$T/$name.a.xml") + $(stat -c %s "$T/$name.a.bin") bytes identical)"; passes=$((passes+1))
  else
    echo "FAIL $name: $(cat "$T/err")"; fails=$((fails+1))
  fi
done
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
