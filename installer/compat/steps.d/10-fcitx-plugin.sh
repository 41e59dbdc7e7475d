#!/usr/bin/env bash
# The fcitx input-method plugin for the compat bundle, compiled inside the Debian 11 root (g++ 10,
# glibc 2.31) against the root venv's PySide6 6.9.3 Qt libraries; the spec finds it at
# /src/build/fcitx-plugin. The Qt 6.8 headers are fetched on the host (apt, Debian 13's -dev
# packages unpacked) since the root's apt knows only Debian 11. $1: the root.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ROOT_DIR="$1"

headers="$(bash "$REPO/installer/fcitx/build_plugin.sh" --fetch-headers)"
rm -rf "$ROOT_DIR/src/build/fcitx-qt-headers"
mkdir -p "$ROOT_DIR/src/build"
cp -a "$headers" "$ROOT_DIR/src/build/fcitx-qt-headers"
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    g++ libxkbcommon-dev libxcb1-dev >/dev/null
in_root env FCITX_QT_HEADERS=/src/build/fcitx-qt-headers \
    bash /src/installer/fcitx/build_plugin.sh /src/build/fcitx-plugin \
    /opt/venv/lib/python3.11/site-packages/PySide6/Qt/lib
