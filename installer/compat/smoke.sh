#!/usr/bin/env bash
# Smoke test of the compat bundle inside the Debian 11 root it was built in, offline:
# installer/smoke_test.sh runs there under chroot, in a network namespace of its own (unshare -n),
# with /proc and /dev mounted and a PATH with nothing from the host's Python or the build venv.
#
#   installer/compat/smoke.sh [dist/normdesk-compat]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

BUNDLE="$(realpath "${1:-$REPO/dist/normdesk-compat}")"
[[ -x "$BUNDLE/normdesk" ]] || die "$BUNDLE/normdesk not found: run 'make bundle-compat' first"
[[ -f "$ROOT_DIR/.normdesk-root-done" ]] || die "no root at $ROOT_DIR: run 'make bundle-compat' first"

mount_root
mkdir -p "$ROOT_DIR/smoke/bundle"
cp "$REPO/installer/smoke_test.sh" "$ROOT_DIR/smoke/smoke_test.sh"
mount --bind "$BUNDLE" "$ROOT_DIR/smoke/bundle"
mount -o remount,bind,ro "$ROOT_DIR/smoke/bundle"
MOUNTED=("$ROOT_DIR/smoke/bundle" "${MOUNTED[@]}")

echo "compat smoke test in $(in_root sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_root ldd --version | head -n 1)"
in_root unshare -n env NORMDESK_SMOKE_NETNS=none bash /smoke/smoke_test.sh /smoke/bundle/normdesk
