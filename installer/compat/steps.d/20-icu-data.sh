#!/usr/bin/env bash
# The root venv's PySide6 ICU data library cut to Chinese and English (installer/icu_data.py), made
# on the host (its icupkg, genccode and cc; the output is data with no glibc dependency); the spec
# finds it at /src/build/icu-data. $1: the root.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
ROOT_DIR="$1"

python3 "$REPO/installer/icu_data.py" \
    "$ROOT_DIR/opt/venv/lib/python3.11/site-packages/PySide6/Qt/lib" "$ROOT_DIR/src/build/icu-data"
