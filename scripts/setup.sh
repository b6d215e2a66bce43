#!/usr/bin/env bash
# Sets up everything on a fresh Debian bookworm, as root, from any directory: apt packages,
# the build (build/), and the models (scripts/fetch_models.sh). Safe to run again.
# Tool output goes to build/setup.log and is shown only when a step fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p build
log_file=$PWD/build/setup.log
: >"$log_file"

log() { echo "[setup] $*"; }
die() { echo "[setup] error: $*" >&2; exit 1; }

# run DESCRIPTION COMMAND...: runs quietly, shows the log tail when it fails.
run() {
    local what=$1
    shift
    log "$what"
    if ! "$@" >>"$log_file" 2>&1; then
        tail -n 40 "$log_file" >&2
        die "$what failed (full log: $log_file)"
    fi
}

[ "$(id -u)" -eq 0 ] || die "run as root (apt-get install needs it)"
export DEBIAN_FRONTEND=noninteractive

packages=(
    build-essential cmake ninja-build pkg-config
    libprotobuf-dev protobuf-compiler libonnx-dev libonnx-testdata libpugixml-dev
    libgtest-dev googletest libdnnl-dev libtbb-dev
    libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libjson-glib-dev
    gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good meson
    python3 python3-numpy python3-pil python3-onnx fonts-dejavu-core espeak-ng sox ca-certificates
)
# npm fetches the models. Debian's npm conflicts with a nodejs from another repository, so
# it is only installed where no npm exists yet.
command -v npm >/dev/null || packages+=(nodejs npm)

run "apt-get update" apt-get update
run "apt-get install ${#packages[@]} packages" apt-get install -y "${packages[@]}"
run "cmake configure (build/)" cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
run "cmake build (this takes a few minutes)" cmake --build build
bash scripts/fetch_models.sh
log "done: build/bin/ovkit is built, models are in ${OVKIT_CACHE:-$HOME/.cache/ovkit}/models"
