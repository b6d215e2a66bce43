#!/bin/bash
# Bad input to the ovkit CLI: each case must exit 1 with one line on stderr naming the
# file/node/input and the reason; never a crash (exit >= 128) or a C++ terminate.
# usage: cli_errors.sh OVKIT_BINARY
set -u
OVKIT=$1
ADD=/usr/share/libonnx-testdata/data/node/test_add/model.onnx
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0; passes=0

# expect_error NAME PATTERN -- COMMAND...
expect_error() {
  local name=$1 pattern=$2; shift 3
  "$@" >"$T/out" 2>"$T/err"
  local rc=$? lines
  lines=$(wc -l <"$T/err")
  if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && grep -qi -- "$pattern" "$T/err"; then
    echo "PASS $name: $(cat "$T/err")"; passes=$((passes+1))
  else
    echo "FAIL $name: exit $rc, $lines stderr line(s), expected /$pattern/:"; cat "$T/err"; fails=$((fails+1))
  fi
}

/usr/bin/python3 - "$T" <<'PY'
import sys, numpy as np
d = sys.argv[1]
np.save(f"{d}/x.npy", np.ones((3, 4, 5), np.float32))
np.save(f"{d}/x_wrong_shape.npy", np.ones((2, 4), np.float32))
np.save(f"{d}/x_i64.npy", np.ones((3, 4, 5), np.int64))
# A header that declares 10^12 floats in a file of a few bytes.
header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 1000000), }"
header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
open(f"{d}/huge.npy", "wb").write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header + b"\0" * 8)
PY
head -c 100 "$ADD" >"$T/truncated.onnx"
head -c 2000 /dev/urandom >"$T/garbage.onnx"

cat >"$T/dangling.xml" <<'XML'
<?xml version="1.0"?>
<net name="dangling" version="11">
  <layers>
    <layer id="0" name="x" type="Parameter" version="opset1">
      <data shape="1,4" element_type="f32"/>
      <output><port id="0" precision="FP32"><dim>1</dim><dim>4</dim></port></output>
    </layer>
    <layer id="1" name="relu" type="Relu" version="opset1">
      <input><port id="0" precision="FP32"><dim>1</dim><dim>4</dim></port></input>
      <output><port id="1" precision="FP32"><dim>1</dim><dim>4</dim></port></output>
    </layer>
    <layer id="2" name="out" type="Result" version="opset1">
      <input><port id="0" precision="FP32"><dim>1</dim><dim>4</dim></port></input>
    </layer>
  </layers>
  <edges>
    <edge from-layer="0" from-port="0" to-layer="1" to-port="0"/>
    <edge from-layer="7" from-port="1" to-layer="2" to-port="0"/>
  </edges>
</net>
XML
cat >"$T/short_bin.xml" <<'XML'
<?xml version="1.0"?>
<net name="short_bin" version="11">
  <layers>
    <layer id="0" name="x" type="Parameter" version="opset1">
      <data shape="4" element_type="f32"/>
      <output><port id="0" precision="FP32"><dim>4</dim></port></output>
    </layer>
    <layer id="1" name="weights" type="Const" version="opset1">
      <data element_type="f32" shape="4" offset="0" size="16"/>
      <output><port id="0" precision="FP32"><dim>4</dim></port></output>
    </layer>
    <layer id="2" name="add" type="Add" version="opset1">
      <input><port id="0" precision="FP32"><dim>4</dim></port><port id="1" precision="FP32"><dim>4</dim></port></input>
      <output><port id="2" precision="FP32"><dim>4</dim></port></output>
    </layer>
    <layer id="3" name="out" type="Result" version="opset1">
      <input><port id="0" precision="FP32"><dim>4</dim></port></input>
    </layer>
  </layers>
  <edges>
    <edge from-layer="0" from-port="0" to-layer="2" to-port="0"/>
    <edge from-layer="1" from-port="0" to-layer="2" to-port="1"/>
    <edge from-layer="2" from-port="2" to-layer="3" to-port="0"/>
  </edges>
</net>
XML
head -c 8 /dev/zero >"$T/short_bin.bin"

expect_error "missing model file" "missing.onnx" -- "$OVKIT" infer -m "$T/missing.onnx" -i x="$T/x.npy"
expect_error "truncated onnx" "truncated.onnx" -- "$OVKIT" infer -m "$T/truncated.onnx" -i x="$T/x.npy"
expect_error "garbage onnx" "garbage.onnx" -- "$OVKIT" inspect "$T/garbage.onnx"
expect_error "xml dangling edge" "layer.*7" -- "$OVKIT" inspect "$T/dangling.xml"
expect_error "bin too short" "weights" -- "$OVKIT" inspect "$T/short_bin.xml"
expect_error "wrong input shape" "input 'x'.*shape" -- "$OVKIT" infer -m "$ADD" -i x="$T/x_wrong_shape.npy" -i y="$T/x.npy" --output-dir "$T/o"
expect_error "wrong input dtype" "input 'x'.*type" -- "$OVKIT" infer -m "$ADD" -i x="$T/x_i64.npy" -i y="$T/x.npy" --output-dir "$T/o"
expect_error "unknown input name" "unknown input 'z'" -- "$OVKIT" infer -m "$ADD" -i z="$T/x.npy" --output-dir "$T/o"
expect_error "missing input" "input 'y' was not given" -- "$OVKIT" infer -m "$ADD" -i x="$T/x.npy" --output-dir "$T/o"
expect_error "unknown device" "unknown device 'TPU'" -- "$OVKIT" infer -m "$ADD" -d TPU -i x="$T/x.npy" -i y="$T/x.npy"
expect_error "missing npy" "nothere.npy" -- "$OVKIT" infer -m "$ADD" -i x="$T/nothere.npy" -i y="$T/x.npy"
expect_error "unknown option" "unknown option '--bogus'" -- "$OVKIT" infer --bogus
expect_error "npy declaring 10^12 values" "huge.npy.*truncated" -- "$OVKIT" infer -m "$ADD" -i x="$T/huge.npy" -i y="$T/x.npy"
expect_error "memory limit" "MAX_MODEL_MEMORY" -- env OVKIT_MAX_MODEL_MEMORY=100 "$OVKIT" infer -m "$ADD" -i x="$T/x.npy" -i y="$T/x.npy" --output-dir "$T/o"
expect_error "benchmark bad hint" "hint" -- "$OVKIT" benchmark -m "$ADD" -hint fastest

echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
