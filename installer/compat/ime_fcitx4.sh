#!/usr/bin/env bash
# Chinese input under fcitx 4 (what Kylin V10 and UOS 20 often still run), inside the Debian 11
# root: fcitx 4 and its pinyin conflict with fcitx5's packages on the host, so the root gets them
# (with Xvfb, the X tools and a CJK font for fcitx's own candidate window) and installer/ime_test.sh
# runs there on the compat bundle.
#
#   installer/compat/ime_fcitx4.sh [dist/normdesk-compat]
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bind_bundle "${1:-}" ime
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    xvfb xauth x11-utils dbus dbus-x11 xdotool xclip imagemagick fonts-wqy-microhei \
    fcitx fcitx-bin fcitx-pinyin fcitx-ui-classic fcitx-module-dbus fcitx-modules >/dev/null
mkdir -p "$ROOT_DIR/ime/shots"
cp "$REPO/installer/ime_test.sh" "$ROOT_DIR/ime/ime_test.sh"

status=0
in_root env IME_SHOTS=/ime/shots bash /ime/ime_test.sh /ime/bundle/normdesk fcitx4 || status=$?
mkdir -p "$REPO/build/ime-shots"
cp "$ROOT_DIR"/ime/shots/*.png "$REPO/build/ime-shots/" 2>/dev/null || true
exit $status
