#!/usr/bin/env bash
# `make bundle-compat`: the Linux bundle built inside a Debian 11 (bullseye, glibc 2.31) root, so
# that it runs on glibc 2.31 and newer (Kylin V10 SP1, Debian 11+, Ubuntu 20.04+; see README for
# glibc 2.28 systems). Output: dist/normdesk-compat/normdesk.
#
#   1. root.sh      the bullseye root from Debian's packages (cached, see lib.sh)
#   2. python.sh    Python 3.11 built inside it
#   3. the venv     /opt/venv in the root: this project with the `build` extra, PySide6 6.9.3
#   4. steps.d/     extra builds inside the root (e.g. Qt plugins compiled against its libraries)
#   5. PyInstaller  installer/normdesk.spec with NORMDESK_BUNDLE_FLAVOUR=compat
set -euo pipefail
source "$(dirname "$0")/lib.sh"

OUT="$REPO/dist/normdesk-compat"
total=$SECONDS

step "root (debootstrap + apt)" bash "$COMPAT_DIR/root.sh"
step "Python 3.11 build" bash "$COMPAT_DIR/python.sh"
mount_root

# The project's files (not .git, not the host's venv or build output) as /src in the root.
copy_source() {
    rm -rf "$ROOT_DIR/src"
    mkdir -p "$ROOT_DIR/src"
    tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
        --exclude='*.egg-info' --exclude=__pycache__ --exclude=.mypy_cache --exclude=.ruff_cache \
        -cf - . | tar -C "$ROOT_DIR/src" -xf -
}
step "copy the source into the root" copy_source

# The venv: made once per Python build; pip then brings it up to date with pyproject.toml.
# pip in the root trusts what the host trusts (the host's CA bundle, which may hold a local
# proxy's CA besides Debian's).
pip() {
    in_root env PIP_CERT=/etc/ssl/certs/host-ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
        /opt/venv/bin/python -m pip "$@"
}
venv() {
    local key
    cp "${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}" "$ROOT_DIR/etc/ssl/certs/host-ca-certificates.crt"
    key="$(ls "$ROOT_DIR"/opt/python3.11/.normdesk-* | xargs -n1 basename)"
    if [[ ! -f "$ROOT_DIR/opt/venv/$key" ]]; then
        rm -rf "$ROOT_DIR/opt/venv"
        in_root /opt/python3.11/bin/python3.11 -m venv /opt/venv
        pip install -q --upgrade pip
        touch "$ROOT_DIR/opt/venv/$key"
    fi
    # the `build` extra only: the tests run on the host, not here
    pip install -q -c /src/installer/compat/constraints.txt '/src[build]'
    in_root /opt/venv/bin/python -c \
        'import PySide6, sqlite3; print("compat: PySide6", PySide6.__version__, "SQLite", sqlite3.sqlite_version)'
}
step "venv (pip)" venv

# ---- EXTRA IN-ROOT BUILD STEPS --------------------------------------------------------------
# Every executable installer/compat/steps.d/*.sh runs here, in name order, on the host, after the
# venv is installed and before PyInstaller: it gets the root's path as $1 (with /proc, /dev
# mounted and the project's files at /src, the venv at /opt/venv) and builds inside it with
# `chroot "$1" ...`. What it leaves for the bundle it puts where the spec picks it up.
for extra in "$COMPAT_DIR"/steps.d/*.sh; do
    [[ -x "$extra" ]] || continue
    step "extra step $(basename "$extra")" "$extra" "$ROOT_DIR"
done
# ---- END OF EXTRA STEPS ---------------------------------------------------------------------

pyinstaller() {
    rm -rf "$ROOT_DIR/build"
    in_root env NORMDESK_BUNDLE_FLAVOUR=compat /opt/venv/bin/pyinstaller --noconfirm --clean \
        --log-level WARN --distpath /build/dist --workpath /build/work /src/installer/normdesk.spec
    rm -rf "$OUT"
    mkdir -p "$(dirname "$OUT")"
    cp -a "$ROOT_DIR/build/dist/normdesk" "$OUT"
    rm -rf "$ROOT_DIR/build"
}
step "PyInstaller" pyinstaller
echo "compat: $OUT/normdesk ($(du -sh "$OUT" | cut -f1), $(find "$OUT" -type f | wc -l) files)"
echo "compat: total $((SECONDS - total)) s"
