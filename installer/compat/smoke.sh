#!/usr/bin/env bash
# Smoke test of the compat bundle inside the Debian 11 root it was built in, offline:
# installer/smoke_test.sh runs there under chroot, in a network namespace of its own (unshare -n),
# with /proc and /dev mounted and a PATH with nothing from the host's Python or the build venv.
#
#   installer/compat/smoke.sh [dist/normdesk-compat]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bind_bundle "${1:-}" smoke
cp "$REPO/installer/smoke_test.sh" "$ROOT_DIR/smoke/smoke_test.sh"

echo "compat smoke test in $(in_root sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_root ldd --version | head -n 1)"
in_root unshare -n env NORMDESK_SMOKE_NETNS=none bash /smoke/smoke_test.sh /smoke/bundle/normdesk
