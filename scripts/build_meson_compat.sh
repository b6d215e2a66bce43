#!/usr/bin/env bash
# Builds meson-compat/ (the GStreamer plugin for packagers) against a staged install of the
# core, found through `pkg-config ovkit`, and checks that the plugin it builds loads.
# usage: scripts/build_meson_compat.sh [BUILD_DIR]      (default build; must be configured)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${1:-build}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
DESTDIR=$stage/root cmake --install "$build" >/dev/null
pc=$(find "$stage/root" -name ovkit.pc | head -1)
[ -n "$pc" ] || { echo "[meson-compat] no ovkit.pc in the staged install" >&2; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
mkdir -p "$stage/pc"
sed "s|^prefix=.*|prefix=$stage/root$prefix|" "$pc" >"$stage/pc/ovkit.pc"
rm -rf build-meson
PKG_CONFIG_PATH=$stage/pc meson setup build-meson meson-compat >"$stage/meson.log" 2>&1 ||
    { cat "$stage/meson.log"; exit 1; }
ninja -C build-meson -j2 >>"$stage/meson.log" 2>&1 || { tail -n 30 "$stage/meson.log"; exit 1; }
plugin=$(find build-meson -name 'libgstovkit.so' | head -1)
LD_LIBRARY_PATH=$(dirname "$(find "$stage/root" -name 'libovkit.so*' | head -1)") \
    gst-inspect-1.0 "$plugin" >"$stage/inspect.log" 2>&1 || { cat "$stage/inspect.log"; exit 1; }
echo "[meson-compat] built $plugin against pkg-config ovkit: $(grep -c '^  ov' "$stage/inspect.log") elements"
